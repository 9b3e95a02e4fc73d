package org.charterledger.query.offices;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.charterledger.charter.ChairTerms;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.charterledger.query.config.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Who held each office, on a date or over the whole record, with the decision that put each holder there: the
 * chair and acting chairs, the Secretary-General, the auditors.
 */
@RestController
@Tag(name = "Offices", description = "The chair (Art. 7(1)), acting chairs, the Secretary-General (Art. 13), auditors (Art. 7(2))")
public class OfficeController {

    private final JdbcClient jdbc;
    private final Clock clock;

    OfficeController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Acting(String deputy, LocalDate from, LocalDate until, String reason, long position) {
    }

    /**
     * A chair's term; {@code until} is the last day of the Assembly it hosted, once that has closed ({@code null}
     * while in office); {@code electedBy} the motion that elected it ({@code null} on the opening balance);
     * {@code inOffice}: in the history, whether the term is still running; in an answer on a date, whether it was
     * running on that date.
     */
    public record ChairTerm(int ordinal, String holder, String name, LocalDate from, LocalDate until, String electedBy,
                     String electingMeeting, String hostedMeeting, boolean inOffice, List<Acting> acting,
                     long fromPosition, Long untilPosition) {

        ChairTerm inOfficeOnTheDateAsked() {
            return new ChairTerm(ordinal, holder, name, from, until, electedBy, electingMeeting, hostedMeeting, true,
                    acting, fromPosition, untilPosition);
        }
    }

    public record ChairOnADate(LocalDate asOf, ChairTerm chair, Acting actingChair) {
    }

    public record ChairHistory(int terms, List<ChairTerm> chairs) {
    }

    @GetMapping("/api/offices/chair/history")
    @Operation(operationId = "getChairHistory",
            summary = "Every chair in order, with ordinal, term, electing motion and acting periods")
    public ChairHistory history() {
        List<ChairTerm> terms = terms();
        return new ChairHistory(terms.size(), terms);
    }

    @GetMapping("/api/offices/chair")
    @Operation(operationId = "getChair",
            summary = "The chair on a date (default today), and the deputy acting for it then, if any",
            description = "The chair passes at the close of a General Assembly, on its last day.")
    @ApiResponse(responseCode = "200", description = "The chair on the date")
    @ApiResponse(responseCode = "404", description = "The ledger records no chair on asOf")
    public ChairOnADate chair(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        List<ChairTerm> terms = terms();
        ChairTerms.Term term = ChairTerms.on(terms.stream().map(t -> new ChairTerms.Term(t.ordinal(),
                        new MemberId(t.holder()), t.from(), t.until(),
                        t.electedBy() == null ? null : new MotionId(t.electedBy()))).toList(), date)
                .orElseThrow(() -> new NotFound("asOf", "the ledger records no chair on " + date));
        // inOffice answers for the date asked: the term found holds office on it, whenever it ended since.
        ChairTerm chair = terms.stream().filter(t -> t.ordinal() == term.ordinal()).findFirst().orElseThrow()
                .inOfficeOnTheDateAsked();
        Acting acting = chair.acting().stream()
                .filter(a -> !date.isBefore(a.from()) && (a.until() == null || date.isBefore(a.until())))
                .findFirst().orElse(null);
        return new ChairOnADate(date, chair, acting);
    }

    public record SecretaryGeneralTerm(String name, LocalDate from, LocalDate until, String proposedBy, String appointedBy,
                                long fromPosition, Long untilPosition) {
    }

    public record SecretaryGeneralOnADate(LocalDate asOf, SecretaryGeneralTerm secretaryGeneral, List<String> articles) {
    }

    public record Auditor(String auditor, String name, String country, LocalDate from, String decidedBy, long position) {
    }

    public record AuditorsOnADate(LocalDate asOf, int term, List<Auditor> auditors, List<String> articles) {
    }

    @GetMapping("/api/offices/secretary-general")
    @Operation(operationId = "getSecretaryGeneral",
            summary = "The Secretary-General on a date (default today), with who proposed and appointed it")
    @ApiResponse(responseCode = "200", description = "The Secretary-General on the date")
    @ApiResponse(responseCode = "404", description = "The ledger records no Secretary-General on asOf")
    public SecretaryGeneralOnADate secretaryGeneral(@RequestParam(required = false)
                                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        SecretaryGeneralTerm term = jdbc.sql("""
                        SELECT * FROM projection.secretary_general
                        WHERE from_date <= ? AND (until_date IS NULL OR until_date > ?)""")
                .params(date, date)
                .query((rs, i) -> new SecretaryGeneralTerm(rs.getString("name"), rs.getDate("from_date").toLocalDate(),
                        date(rs.getDate("until_date")), rs.getString("proposed_by"), rs.getString("appointed_by"),
                        rs.getLong("from_position"), (Long) rs.getObject("until_position", Long.class)))
                .optional()
                .orElseThrow(() -> new NotFound("asOf", "the ledger records no Secretary-General on " + date));
        return new SecretaryGeneralOnADate(date, term, List.of("Charter Art. 13"));
    }

    @GetMapping("/api/offices/auditors")
    @Operation(operationId = "getAuditors",
            summary = "The auditors on a date (default today): those of the chair's term then, one per country")
    @ApiResponse(responseCode = "200", description = "The auditors on the date")
    @ApiResponse(responseCode = "404", description = "The ledger records no chair on asOf, and so no auditors")
    public AuditorsOnADate auditors(@RequestParam(required = false)
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        ChairOnADate chair = chair(asOf);
        List<Auditor> auditors = jdbc.sql("""
                        SELECT a.*, p.name FROM projection.auditor a
                        LEFT JOIN projection.register_party p ON p.id = a.auditor
                        WHERE a.term = ? AND a.from_date <= ? ORDER BY a.country""")
                .params(chair.chair().ordinal(), chair.asOf())
                .query((rs, i) -> new Auditor(rs.getString("auditor"), rs.getString("name"), rs.getString("country"),
                        rs.getDate("from_date").toLocalDate(), rs.getString("decided_by"), rs.getLong("position")))
                .list();
        return new AuditorsOnADate(chair.asOf(), chair.chair().ordinal(), auditors, List.of("Charter Art. 7(2)"));
    }

    private List<ChairTerm> terms() {
        return jdbc.sql("""
                        SELECT c.*, p.name FROM projection.chair_term c
                        LEFT JOIN projection.register_party p ON p.id = c.holder ORDER BY c.ordinal""")
                .query((rs, i) -> new ChairTerm(rs.getInt("ordinal"), rs.getString("holder"), rs.getString("name"),
                        rs.getDate("from_date").toLocalDate(), date(rs.getDate("until_date")),
                        rs.getString("elected_by"), rs.getString("electing_meeting"), rs.getString("hosted_meeting"),
                        rs.getDate("until_date") == null, acting(rs.getInt("ordinal")), rs.getLong("from_position"),
                        (Long) rs.getObject("until_position", Long.class)))
                .list();
    }

    private List<Acting> acting(int ordinal) {
        return jdbc.sql("SELECT * FROM projection.acting_chair WHERE ordinal = ? ORDER BY from_date")
                .param(ordinal)
                .query((rs, i) -> new Acting(rs.getString("deputy"), rs.getDate("from_date").toLocalDate(),
                        date(rs.getDate("until_date")), rs.getString("reason"), rs.getLong("from_position")))
                .list();
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
