package org.charterledger.query.subcommittees;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.charterledger.charter.CoordinatorTerms;
import org.charterledger.query.config.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** Subcommittees on a date, with the flags of the Subcommittee Regulation, and each one's history. */
@RestController
@Tag(name = "Subcommittees", description = "Coordinators on any date, renewals due, inactive coordinators")
public class SubcommitteeController {

    private final JdbcClient jdbc;
    private final Clock clock;

    SubcommitteeController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Term(String coordinator, LocalDate from, LocalDate termEnd, LocalDate until, LocalDate coordinatingSince,
                boolean renewal, String decidedBy, long position) {
    }

    public record Activity(Integer ordinal, LocalDate firstDay, LocalDate lastDay, String host, String form, long position) {
    }

    /**
     * A subcommittee on a date. {@code renewalDue}: its coordinators' term ends within 90 days; {@code termEnded}:
     * it ended and was neither renewed nor followed by another appointment; {@code replaceable}:
     * it has held no meeting or event for two years or more, counted from the later of its last activity and the
     * start of the sitting coordination (Subcommittee Regulation Art. 5(7)).
     */
    public record SubcommitteeOnADate(int number, String name, String field, LocalDate founded, LocalDate abolishedOn,
                               List<String> coordinators, LocalDate termEnd, LocalDate lastActivity,
                               boolean renewalDue, boolean termEnded, boolean replaceable, List<String> articles) {
    }

    public record Subcommittees(LocalDate asOf, int total, List<SubcommitteeOnADate> subcommittees) {
    }

    public record History(int number, String name, LocalDate founded, LocalDate abolishedOn, List<Term> coordinators,
                   List<Activity> activities) {
    }

    @GetMapping("/api/subcommittees")
    @Operation(operationId = "listSubcommittees",
            summary = "Every subcommittee on a date (default today) with its coordinators and flags")
    public Subcommittees subcommittees(@RequestParam(required = false)
                                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        List<SubcommitteeOnADate> list = jdbc.sql("""
                        SELECT number, name, field, founded, abolished_on FROM projection.subcommittee
                        WHERE founded <= ? ORDER BY number""")
                .param(date)
                .query((rs, i) -> onDate(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        date(rs.getDate(5)), date))
                .list();
        return new Subcommittees(date, list.size(), list);
    }

    @GetMapping("/api/subcommittees/{number}/history")
    @Operation(operationId = "getSubcommitteeHistory",
            summary = "A subcommittee's coordinators and activities in order, with the decisions behind them")
    public History history(@PathVariable int number) {
        var row = jdbc.sql("SELECT name, founded, abolished_on FROM projection.subcommittee WHERE number = ?")
                .param(number)
                .query((rs, i) -> new History(number, rs.getString(1), rs.getDate(2).toLocalDate(),
                        date(rs.getDate(3)), terms(number), activities(number)))
                .optional();
        return row.orElseThrow(() -> new NotFound("number", "there is no subcommittee " + number));
    }

    private SubcommitteeOnADate onDate(int number, String name, String field, LocalDate founded, LocalDate abolished,
                                       LocalDate date) {
        List<Term> current = abolished != null && !date.isBefore(abolished) ? List.of() : terms(number).stream()
                .filter(t -> !date.isBefore(t.from()) && (t.until() == null || date.isBefore(t.until())))
                .toList();
        LocalDate termEnd = current.stream().map(Term::termEnd).max(Comparator.naturalOrder()).orElse(null);
        LocalDate lastActivity = activities(number).stream().map(Activity::lastDay)
                .filter(day -> !day.isAfter(date)).max(Comparator.naturalOrder()).orElse(null);
        LocalDate since = current.stream().map(Term::coordinatingSince).max(Comparator.naturalOrder()).orElse(null);
        LocalDate inactiveSince = since == null ? null
                : lastActivity != null && lastActivity.isAfter(since) ? lastActivity : since;
        boolean renewalDue = termEnd != null && CoordinatorTerms.renewalDue(termEnd, date);
        boolean replaceable = inactiveSince != null && CoordinatorTerms.replaceable(inactiveSince, date);
        return new SubcommitteeOnADate(number, name, field, founded, abolished,
                current.stream().map(Term::coordinator).toList(), termEnd, lastActivity, renewalDue,
                termEnd != null && !date.isBefore(termEnd), replaceable,
                List.of("Subcommittee Regulation Art. 5(1)", "Subcommittee Regulation Art. 5(2)",
                        "Subcommittee Regulation Art. 5(7)"));
    }

    private List<Term> terms(int number) {
        return jdbc.sql("SELECT * FROM projection.coordinator_term WHERE number = ? ORDER BY from_date, coordinator")
                .param(number)
                .query((rs, i) -> new Term(rs.getString("coordinator"), rs.getDate("from_date").toLocalDate(),
                        rs.getDate("term_end").toLocalDate(), date(rs.getDate("until_date")),
                        rs.getDate("coordinating_since").toLocalDate(), rs.getBoolean("renewal"),
                        rs.getString("decided_by"), rs.getLong("position")))
                .list();
    }

    private List<Activity> activities(int number) {
        return jdbc.sql("SELECT * FROM projection.subcommittee_activity WHERE number = ? ORDER BY first_day, position")
                .param(number)
                .query((rs, i) -> new Activity((Integer) rs.getObject("ordinal"), rs.getDate("first_day").toLocalDate(),
                        rs.getDate("last_day").toLocalDate(), rs.getString("host"), rs.getString("form"),
                        rs.getLong("position")))
                .list();
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
