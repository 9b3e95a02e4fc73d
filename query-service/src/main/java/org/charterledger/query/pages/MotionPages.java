package org.charterledger.query.pages;

import org.charterledger.events.MeetingId;
import org.charterledger.events.MotionId;
import org.charterledger.query.audit.AuditController;
import org.charterledger.query.config.LedgerPosition;
import org.charterledger.query.register.RegisterController;
import org.charterledger.query.register.RegisterController.Party;
import org.charterledger.query.voting.MotionController;
import org.charterledger.query.voting.MotionController.MotionView;
import org.charterledger.events.Choice;
import org.charterledger.events.Tally;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Meetings with their attendance; a motion with its frozen roll, ballots and the decision's arithmetic written out;
 * the live count of an open motion for the hall; a motion's certificate for printing and as PDF.
 */
@Controller
class MotionPages {

    private final MotionController motions;
    private final RegisterController register;
    private final AuditController audit;
    private final LedgerPosition position;
    private final CertificatePdf pdf;

    MotionPages(MotionController motions, RegisterController register, AuditController audit,
                LedgerPosition position, CertificatePdf pdf) {
        this.motions = motions;
        this.register = register;
        this.audit = audit;
        this.position = position;
        this.pdf = pdf;
    }

    @GetMapping("/meetings")
    String meetings(Model model) {
        model.addAttribute("meetings", motions.meetings(null).meetings());
        return "pages/meetings";
    }

    @GetMapping("/meetings/{id}")
    String meeting(@PathVariable MeetingId id, Model model) {
        MotionController.MeetingView meeting = motions.meeting(id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("names", names(meeting.firstDay()));
        return "pages/meeting";
    }

    /**
     * A decision's arithmetic as an auditor checks it, from the rule classes' own tally: for a decided motion the one
     * recorded (its tests restated with their true signs), for an open one what closing it now would give.
     */
    record Arithmetic(String rule, String article, int rollSize, int present, int yes, int no, int abstain,
                      int notVoting, boolean quorumHolds, String quorumTest, boolean thresholdMet,
                      String thresholdTest, String outcome, boolean decided, int yesStillNeeded, int notYetVoted) {

        static Arithmetic of(MotionView motion) {
            MotionController.Count count = motion.count();
            Tally tally = motion.derivation();
            if (tally != null) {
                return new Arithmetic(tally.rule(), tally.article(), tally.rollSize(), tally.present(), tally.yes(),
                        tally.no(), tally.abstain(), tally.notVoting(), tally.quorumHolds(), tally.quorumTest(),
                        tally.thresholdMet(), tally.thresholdTest(), motion.outcome(), true, 0, 0);
            }
            Map<Choice, Integer> votes = count.votes();
            int yes = votes.getOrDefault(Choice.YES, 0);
            int no = votes.getOrDefault(Choice.NO, 0);
            int abstain = votes.getOrDefault(Choice.ABSTAIN, 0);
            return new Arithmetic(motion.rule(), motion.article(), count.rollSize(), count.present(), yes, no, abstain,
                    count.notVoting(), count.quorumHolds(), count.quorumTest(),
                    count.thresholdMet(), count.thresholdTest(),
                    !count.quorumHolds() ? "NO_QUORUM" : count.thresholdMet() ? "PASSED" : "FAILED", false,
                    count.yesStillNeeded(), count.notVoted().size());
        }
    }

    @GetMapping("/motions/{id}")
    String motion(@PathVariable MotionId id, Model model) {
        long settled = position.settled(); // read first: the live count follows every event after it
        MotionView motion = motions.motion(id);
        MotionController.RollView roll = motions.roll(id);
        model.addAttribute("motion", motion);
        model.addAttribute("roll", roll);
        model.addAttribute("arithmetic", Arithmetic.of(motion));
        model.addAttribute("names", names(motion.rollDate()));
        model.addAttribute("after", settled);
        return "pages/motion";
    }

    /** The count alone, large, for the screen in the hall; it follows the votes by itself while the motion is open. */
    @GetMapping("/motions/{id}/hall")
    String hall(@PathVariable MotionId id, Model model) {
        long settled = position.settled();
        MotionView motion = motions.motion(id);
        model.addAttribute("motion", motion);
        model.addAttribute("arithmetic", Arithmetic.of(motion));
        model.addAttribute("after", settled);
        return "pages/hall";
    }

    /** The count as a fragment, fetched again by the live page when an event of the motion or its meeting arrives. */
    @GetMapping("/motions/{id}/count")
    String count(@PathVariable MotionId id, Model model) {
        MotionView motion = motions.motion(id);
        model.addAttribute("motion", motion);
        model.addAttribute("arithmetic", Arithmetic.of(motion));
        return "pages/motion :: count";
    }

    /** The certificate laid out for printing; as PDF when asked for it by the Accept header. */
    @GetMapping("/motions/{id}/certificate")
    Object certificate(@PathVariable MotionId id, @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                       Model model) {
        if (accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_PDF))) {
            return certificatePdf(id);
        }
        model.addAllAttributes(certificateModel(id));
        return "pages/certificate";
    }

    @GetMapping("/motions/{id}/certificate.pdf")
    ResponseEntity<byte[]> certificatePdf(@PathVariable MotionId id) {
        byte[] document = pdf.render("pages/certificate", certificateModel(id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"certificate-" + id.value() + ".pdf\"")
                .body(document);
    }

    private Map<String, Object> certificateModel(MotionId id) {
        AuditController.Certificate certificate = audit.certificate(id, null);
        return Map.of("certificate", certificate, "names", names(certificate.rollDate()),
                "motion", motions.motion(id));
    }

    /** The names on the register on a date, by id: rolls and attendance list ids. */
    private Map<String, Party> names(LocalDate date) {
        return register.register(null, null, date, null).parties().stream()
                .collect(Collectors.toMap(Party::id, Function.identity()));
    }

}
