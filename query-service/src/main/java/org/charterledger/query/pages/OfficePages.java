package org.charterledger.query.pages;

import org.charterledger.query.config.NotFound;
import org.charterledger.query.offices.OfficeController;
import org.charterledger.query.offices.OfficeController.ChairTerm;
import org.charterledger.query.subcommittees.SubcommitteeController;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The chair's terms as a timeline, the Secretary-General and the auditors on a date; the subcommittees. */
@Controller
class OfficePages {

    private final OfficeController offices;
    private final SubcommitteeController subcommittees;
    private final Clock clock;

    OfficePages(OfficeController offices, SubcommitteeController subcommittees, Clock clock) {
        this.offices = offices;
        this.subcommittees = subcommittees;
        this.clock = clock;
    }

    @GetMapping("/offices")
    String offices(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                   Model model) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        List<ChairTerm> terms = offices.history().chairs();
        Timeline timeline = chairTimeline(terms, date);
        model.addAttribute("asOf", date);
        model.addAttribute("terms", terms);
        model.addAttribute("timeline", timeline);
        model.addAttribute("marker", timeline.x(date));
        // An office nobody held on the date is an answer, not an error: the page says so.
        model.addAttribute("chair", orNone(() -> offices.chair(date)));
        model.addAttribute("secretaryGeneral", orNone(() -> offices.secretaryGeneral(date)));
        model.addAttribute("auditors", orNone(() -> offices.auditors(date)));
        return "pages/offices";
    }

    @GetMapping("/subcommittees")
    String subcommittees(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                         Model model) {
        SubcommitteeController.Subcommittees onTheDate = subcommittees.subcommittees(asOf);
        model.addAttribute("asOf", onTheDate.asOf());
        model.addAttribute("subcommittees", onTheDate);
        model.addAttribute("histories", onTheDate.subcommittees().stream()
                .map(s -> subcommittees.history(s.number())).toList());
        return "pages/subcommittees";
    }

    /** One lane of terms (ordinal and holder on each bar; host Assembly and electing motion on hover), one of acting. */
    private static Timeline chairTimeline(List<ChairTerm> terms, LocalDate asOf) {
        if (terms.isEmpty()) {
            return Timeline.of(List.of("Chair", "Acting chair"), List.of(), asOf, asOf.plusDays(1));
        }
        LocalDate start = terms.get(0).from();
        LocalDate end = asOf.plusDays(1);
        List<Timeline.Span> spans = new ArrayList<>();
        for (ChairTerm term : terms) {
            LocalDate last = term.until() != null ? term.until() : term.from().plusYears(2);
            if (last.isAfter(end)) {
                end = last;
            }
            spans.add(new Timeline.Span(0, term.from(), term.until(), "term" + (term.until() == null ? " open" : ""),
                    term.ordinal() + " · " + term.holder(),
                    "Chair no. " + term.ordinal() + ": " + term.holder() + (term.name() == null ? "" : " (" + term.name() + ")")
                            + ", from " + term.from() + (term.until() == null ? ", in office" : " to " + term.until())
                            + (term.hostedMeeting() == null ? "" : "; hosts " + term.hostedMeeting())
                            + (term.electedBy() == null ? "; on the opening balance" : "; elected by " + term.electedBy()),
                    term.electedBy() == null ? null : "/motions/" + term.electedBy()));
            for (OfficeController.Acting acting : term.acting()) {
                spans.add(new Timeline.Span(1, acting.from(), acting.until(), "acting",
                        "acting: " + acting.deputy(), "Acting chair " + acting.deputy() + " from " + acting.from()
                        + (acting.until() == null ? "" : " to " + acting.until()) + ": " + acting.reason(), null));
            }
        }
        return Timeline.of(List.of("Chair", "Acting chair"), spans, start, end.plusDays(1));
    }

    private static <T> T orNone(Supplier<T> answer) {
        try {
            return answer.get();
        } catch (NotFound none) {
            return null;
        }
    }
}
