package org.charterledger.query.pages;

import org.charterledger.events.MemberId;
import org.charterledger.events.PartyCategory;
import org.charterledger.query.config.NotFound;
import org.charterledger.query.offices.OfficeController;
import org.charterledger.query.register.RegisterController;
import org.charterledger.query.register.RegisterController.Party;
import org.charterledger.query.rights.RightsController;
import org.charterledger.query.rights.RightsController.Change;
import org.charterledger.query.rights.RightsController.PartyRights;
import org.charterledger.query.subcommittees.SubcommitteeController;
import org.charterledger.query.voting.MotionController;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The start page, the register on a date, a party, and every party's rights on a date. */
@Controller
class RegisterPages {

    private final RegisterController register;
    private final RightsController rights;
    private final OfficeController offices;
    private final SubcommitteeController subcommittees;
    private final MotionController motions;
    private final Clock clock;

    RegisterPages(RegisterController register, RightsController rights, OfficeController offices,
                  SubcommitteeController subcommittees, MotionController motions, Clock clock) {
        this.register = register;
        this.rights = rights;
        this.offices = offices;
        this.subcommittees = subcommittees;
        this.motions = motions;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("meetings", motions.meetings(null).meetings());
        return "pages/home";
    }

    /** One country's row of the register's counts. */
    record CountryCount(String country, String countryName, Map<PartyCategory, Integer> byCategory, int total) {
    }

    @GetMapping("/register")
    String register(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    @RequestParam(required = false) String q,
                    @RequestParam(required = false) PartyCategory category, Model model) {
        RegisterController.Register onTheDate = register.register(null, null, asOf, null);
        Map<String, Map<PartyCategory, Integer>> counts = new TreeMap<>();
        for (Party party : onTheDate.parties()) {
            counts.computeIfAbsent(party.country(), c -> new EnumMap<>(PartyCategory.class))
                    .merge(party.category(), 1, Integer::sum);
        }
        List<CountryCount> byCountry = counts.entrySet().stream()
                .map(e -> new CountryCount(e.getKey(), countryName(e.getKey()), e.getValue(),
                        e.getValue().values().stream().mapToInt(Integer::intValue).sum()))
                .toList();
        String search = q == null ? "" : q.strip();
        List<Party> shown = onTheDate.parties().stream()
                .filter(p -> category == null || p.category() == category)
                .filter(p -> search.isEmpty() || matches(p, search))
                .toList();
        model.addAttribute("asOf", onTheDate.asOf());
        model.addAttribute("register", onTheDate);
        model.addAttribute("byCountry", byCountry);
        model.addAttribute("categories", PartyCategory.values());
        model.addAttribute("category", category);
        model.addAttribute("q", search);
        model.addAttribute("shown", shown);
        return "pages/register";
    }

    /** A period in one category, from the changes of the party's rights. */
    record CategoryPeriod(PartyCategory category, LocalDate from, LocalDate until) {
    }

    /** A change of rights with what the rule said of it on its first day. */
    record Period(Change change, PartyRights rights) {
    }

    @GetMapping("/parties/{id}")
    String party(@PathVariable MemberId id,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                 Model model) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        RightsController.RightsHistory history = rights.history(id, date); // 404 for a party never on the register
        Party onTheDate;
        try {
            onTheDate = register.party(id, date, null);
        } catch (NotFound notOnTheRegisterThen) {
            onTheDate = null;
        }
        List<Period> periods = history.changes().stream()
                .map(change -> new Period(change, rights.rightsOf(id, change.from()))).toList();
        model.addAttribute("asOf", date);
        model.addAttribute("id", id.value());
        model.addAttribute("history", history);
        model.addAttribute("party", onTheDate);
        model.addAttribute("countryName", countryName(id.value().substring(0, 2)));
        model.addAttribute("rights", onTheDate == null ? null : rights.rightsOf(id, date));
        model.addAttribute("periods", periods);
        model.addAttribute("categoryPeriods", categoryPeriods(history.changes()));
        model.addAttribute("timeline", rightsTimeline(periods, date));
        model.addAttribute("dues", rights.statement(id, date));
        List<OfficeController.ChairTerm> chairs = offices.history().chairs();
        model.addAttribute("chairTerms", chairs.stream()
                .filter(term -> term.holder().equals(id.value())).toList());
        model.addAttribute("acting", chairs.stream()
                .flatMap(term -> term.acting().stream()).filter(a -> a.deputy().equals(id.value())).toList());
        model.addAttribute("coordinations", subcommittees.subcommittees(date).subcommittees().stream()
                .map(s -> subcommittees.history(s.number()))
                .flatMap(h -> h.coordinators().stream().filter(t -> t.coordinator().equals(id.value()))
                        .map(t -> Map.of("subcommittee", h, "term", t)))
                .toList());
        model.addAttribute("votes", motions.ballotsOf(id).ballots());
        return "pages/party";
    }

    @GetMapping("/rights")
    String rights(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  @RequestParam(defaultValue = "false") boolean restricted, Model model) {
        RightsController.RightsOnADate onTheDate = rights.rights(asOf);
        model.addAttribute("asOf", onTheDate.asOf());
        model.addAttribute("onTheDate", onTheDate);
        model.addAttribute("restricted", restricted);
        model.addAttribute("shown", onTheDate.rights().stream()
                .filter(r -> !restricted || r.restriction() != null).toList());
        return "pages/rights";
    }

    private static List<CategoryPeriod> categoryPeriods(List<Change> changes) {
        List<CategoryPeriod> periods = new ArrayList<>();
        for (Change change : changes) {
            CategoryPeriod last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
            if (last != null && last.category() == change.category()) {
                periods.set(periods.size() - 1, new CategoryPeriod(last.category(), last.from(), change.until()));
            } else if (change.category() != null) {
                periods.add(new CategoryPeriod(change.category(), change.from(), change.until()));
            }
        }
        return periods;
    }

    /** Three lanes: the category, whether it may vote, whether it may stand and elect; each bar says why. */
    private static Timeline rightsTimeline(List<Period> periods, LocalDate asOf) {
        List<Timeline.Span> spans = new ArrayList<>();
        for (Period period : periods) {
            Change change = period.change();
            if (change.category() == null) {
                continue;
            }
            LocalDate until = change.until() == null ? asOf.plusDays(1) : change.until();
            String when = change.from() + " to " + (change.until() == null ? asOf + " (the date shown)"
                    : change.until().minusDays(1).toString());
            String why = period.rights().reason() == null ? "" : ": " + period.rights().reason();
            String articles = period.rights().articles().isEmpty() ? ""
                    : " (" + String.join(", ", period.rights().articles()) + ")";
            String cause = " [changed by " + change.cause().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (change.position() == null ? "" : " at position " + change.position()) + "]";
            boolean restricted = change.restrictedSince() != null;
            spans.add(new Timeline.Span(0, change.from(), until, "category " + change.category().name().toLowerCase(Locale.ROOT),
                    change.category().name().toLowerCase(Locale.ROOT), change.category() + ", " + when + cause, null));
            String state = change.mayVote() ? "may-vote" : restricted ? "restricted" : "no-vote";
            spans.add(new Timeline.Span(1, change.from(), until, state,
                    change.mayVote() ? "may vote" : restricted ? "restricted" : "no vote",
                    (change.mayVote() ? "may vote" : "may not vote") + ", " + when + why + articles + cause, null));
            String stand = change.mayStandAndElect() ? "may-vote" : restricted ? "restricted" : "no-vote";
            spans.add(new Timeline.Span(2, change.from(), until, stand,
                    change.mayStandAndElect() ? "may stand" : restricted ? "restricted" : "may not stand",
                    (change.mayStandAndElect() ? "may stand and elect" : "may not stand or elect") + ", " + when
                            + why + articles + cause, null));
        }
        LocalDate start = periods.isEmpty() ? asOf : periods.get(0).change().from();
        return Timeline.of(List.of("Category", "May vote", "May stand and elect"), spans, start, asOf.plusDays(1));
    }

    private static boolean matches(Party party, String search) {
        String s = search.toLowerCase(Locale.ROOT);
        return party.id().toLowerCase(Locale.ROOT).contains(s) || party.name().toLowerCase(Locale.ROOT).contains(s)
                || (party.localName() != null && party.localName().toLowerCase(Locale.ROOT).contains(s));
    }

    /** The English name of an ISO 3166-1 alpha-2 country code. */
    static String countryName(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equals(code) ? code : name;
    }
}
