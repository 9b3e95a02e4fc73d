package org.charterledger.query.voting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.charterledger.charter.DecisionRule;
import org.charterledger.events.Body;
import org.charterledger.events.Choice;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.charterledger.events.Procedure;
import org.charterledger.events.Tally;
import org.charterledger.query.config.CsvExport;
import org.charterledger.query.config.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Meetings and motions as an auditor reads them: the frozen roll and who was left off it, attendance, ballots, the
 * live quorum state of an open motion, and the arithmetic of a decided one.
 */
@RestController
@Tag(name = "Meetings and motions", description = "Rolls, attendance, ballots and decisions (Charter Art. 8, 9)")
public class MotionController {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    MotionController(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Ballot(String member, Choice choice, LocalDate castOn, long position) {
    }

    /** The state of the count now: for an open motion, what closing it now would give. */
    public record Count(int rollSize, int present, Map<Choice, Integer> votes, List<String> notVoted, boolean quorumHolds,
                 String quorumTest, boolean thresholdMet, String thresholdTest, int yesStillNeeded, int notVoting) {
    }

    public record MotionView(String id, String meeting, Body body, String kind, Integer item, String rule, String article,
                      String subject, Procedure procedure, JsonNode effect, LocalDate rollDate, String status,
                      Count count, String outcome, LocalDate decidedOn, Tally derivation, List<Ballot> ballots,
                      long openedPosition, Long decidedPosition) {
    }

    public record RollLine(String member, String name, List<Integer> yearsInArrears, boolean present) {
    }

    public record LeftOffLine(String party, String name, String category, String reason, LocalDate restrictedSince) {
    }

    public record RollView(String motion, LocalDate rollDate, int size, List<RollLine> roll, List<LeftOffLine> leftOff) {
    }

    public record MotionLine(String id, Integer item, String subject, String status, String outcome) {
    }

    public record MeetingView(String id, Body body, int ordinal, String host, String venue, LocalDate firstDay,
                       LocalDate lastDay, LocalDate closedOn, List<String> attendance, List<MotionLine> motions) {
    }

    public record Meetings(int total, List<MeetingView> meetings) {
    }

    /** A vote a member cast at a sitting, or a ballot it returned in writing, with the motion it was on. */
    public record MemberBallot(String meeting, String motion, String subject, Procedure procedure, Choice choice,
                               LocalDate castOn, long position, String outcome) {
    }

    public record MemberBallots(String member, int total, List<MemberBallot> ballots) {
    }

    @GetMapping("/api/members/{memberId}/ballots")
    @Operation(operationId = "listMemberBallots", summary = "Every vote a member cast and every ballot it returned",
            description = "In the order recorded, each with its meeting, its motion's subject and procedure, and the"
                    + " motion's outcome (null while it is open).")
    public MemberBallots ballotsOf(@PathVariable MemberId memberId) {
        if (jdbc.sql("SELECT COUNT(*) FROM projection.register_party WHERE id = ?").param(memberId.value())
                .query(Long.class).single() == 0) {
            throw new NotFound("memberId", "no party " + memberId.value() + " on the register");
        }
        List<MemberBallot> ballots = jdbc.sql("""
                        SELECT m.meeting_id, v.motion_id, m.subject, m.procedure, v.choice, v.cast_on, v.position,
                               m.outcome
                        FROM projection.motion_vote v JOIN projection.motion m ON m.id = v.motion_id
                        WHERE v.member_id = ? ORDER BY v.position""")
                .param(memberId.value())
                .query((rs, i) -> new MemberBallot(rs.getString(1), rs.getString(2), rs.getString(3),
                        Procedure.valueOf(rs.getString(4)), Choice.valueOf(rs.getString(5)),
                        rs.getDate(6).toLocalDate(), rs.getLong(7), rs.getString(8)))
                .list();
        return new MemberBallots(memberId.value(), ballots.size(), ballots);
    }

    @GetMapping("/api/motions/{id}")
    @Operation(operationId = "getMotion", summary = "A motion and its count",
            description = "Roll size E, present P, votes by choice, who has not voted, the quorum and threshold tests"
                    + " with their integers and the votes still needed; once decided, the outcome and its derivation.")
    public MotionView motion(@PathVariable MotionId id) {
        Map<String, Object> row = jdbc.sql("SELECT * FROM projection.motion WHERE id = ?").param(id.value())
                .query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFound("id", "no motion " + id));
        List<Ballot> ballots = jdbc.sql("""
                        SELECT member_id, choice, cast_on, position FROM projection.motion_vote
                        WHERE motion_id = ? ORDER BY position""")
                .param(id.value())
                .query((rs, i) -> new Ballot(rs.getString(1), Choice.valueOf(rs.getString(2)),
                        rs.getDate(3).toLocalDate(), rs.getLong(4)))
                .list();
        DecisionRule rule = DecisionRule.valueOf((String) row.get("rule"));
        Procedure procedure = Procedure.valueOf((String) row.get("procedure"));
        String decided = (String) row.get("outcome");
        return new MotionView(id.value(), (String) row.get("meeting_id"), Body.valueOf((String) row.get("body")),
                (String) row.get("kind"), (Integer) row.get("item"), rule.name(), rule.article(),
                (String) row.get("subject"), procedure, read((String) row.get("effect"), JsonNode.class),
                date(row.get("roll_date")), decided == null ? "OPEN" : "DECIDED",
                count(id, (String) row.get("meeting_id"), rule, procedure, ballots), decided,
                date(row.get("decided_on")), restated((String) row.get("tally")), ballots,
                ((Number) row.get("opened_position")).longValue(),
                row.get("decided_position") == null ? null : ((Number) row.get("decided_position")).longValue());
    }

    /**
     * A motion's ballots as CSV (Accept: text/csv, or ?format=csv), in the order cast; the file is named after the
     * motion and the day it was decided, or "open".
     */
    @GetMapping(path = "/api/motions/{id}", produces = "text/csv")
    CsvExport<Ballot> ballotsAsCsv(@PathVariable MotionId id) {
        MotionView motion = motion(id);
        String when = motion.decidedOn() != null ? motion.decidedOn().toString() : "open";
        return CsvExport.of("ballots-" + motion.id() + "-" + when, Ballot.class, motion.ballots());
    }

    @GetMapping("/api/motions/{id}/roll")
    @Operation(operationId = "getMotionRoll", summary = "A motion's frozen voter roll",
            description = "Each member with a vote and its dues standing on the roll's date; the parties left off,"
                    + " each with the reason and the articles.")
    public RollView roll(@PathVariable MotionId id) {
        LocalDate rollDate = jdbc.sql("SELECT roll_date FROM projection.motion WHERE id = ?").param(id.value())
                .query(Date.class).optional().map(Date::toLocalDate)
                .orElseThrow(() -> new NotFound("id", "no motion " + id));
        List<RollLine> roll = jdbc.sql("""
                        SELECT r.member_id, p.name, r.years_in_arrears, r.present FROM projection.motion_roll r
                        LEFT JOIN projection.register_party p ON p.id = r.member_id
                        WHERE r.motion_id = ? ORDER BY r.member_id""")
                .param(id.value())
                .query((rs, i) -> new RollLine(rs.getString(1), rs.getString(2), years(rs.getString(3)),
                        rs.getBoolean(4)))
                .list();
        List<LeftOffLine> leftOff = jdbc.sql("""
                        SELECT l.party_id, p.name, l.category, l.reason, l.restricted_since
                        FROM projection.motion_left_off l LEFT JOIN projection.register_party p ON p.id = l.party_id
                        WHERE l.motion_id = ? ORDER BY l.party_id""")
                .param(id.value())
                .query((rs, i) -> new LeftOffLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()))
                .list();
        return new RollView(id.value(), rollDate, roll.size(), roll, leftOff);
    }

    @GetMapping("/api/meetings/{id}")
    @Operation(operationId = "getMeeting", summary = "A meeting with its attendance and its motions")
    public MeetingView meeting(@PathVariable MeetingId id) {
        return meetings("WHERE id = ?", id.value()).stream().findFirst()
                .orElseThrow(() -> new NotFound("id", "no meeting " + id));
    }

    @GetMapping("/api/meetings")
    @Operation(operationId = "listMeetings", summary = "Meetings, optionally of one body (GA or EC), in date order")
    public Meetings meetings(@RequestParam(required = false) Body body) {
        List<MeetingView> meetings = body == null ? meetings("", null) : meetings("WHERE body = ?", body.name());
        return new Meetings(meetings.size(), meetings);
    }

    private List<MeetingView> meetings(String where, String parameter) {
        var query = jdbc.sql("SELECT * FROM projection.meeting " + where + " ORDER BY first_day, id");
        if (parameter != null) {
            query = query.param(parameter);
        }
        return query.query((rs, i) -> new MeetingView(rs.getString("id"), Body.valueOf(rs.getString("body")),
                        rs.getInt("ordinal"), rs.getString("host"), rs.getString("venue"),
                        rs.getDate("first_day").toLocalDate(), rs.getDate("last_day").toLocalDate(),
                        rs.getDate("closed_on") == null ? null : rs.getDate("closed_on").toLocalDate(),
                        attendance(rs.getString("id")), motionsOf(rs.getString("id"))))
                .list();
    }

    private List<String> attendance(String meeting) {
        return jdbc.sql("SELECT party_id FROM projection.meeting_attendance WHERE meeting_id = ? ORDER BY party_id")
                .param(meeting).query(String.class).list();
    }

    private List<MotionLine> motionsOf(String meeting) {
        return jdbc.sql("SELECT id, item, subject, outcome FROM projection.motion WHERE meeting_id = ? ORDER BY id")
                .param(meeting)
                .query((rs, i) -> new MotionLine(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4) == null ? "OPEN" : "DECIDED", rs.getString(4)))
                .list();
    }

    /** The count as closing the motion now would make it: {@link org.charterledger.charter.Count#of}. */
    private Count count(MotionId motion, String meeting, DecisionRule rule, Procedure procedure, List<Ballot> ballots) {
        List<MemberId> roll = jdbc.sql("SELECT member_id FROM projection.motion_roll WHERE motion_id = ? ORDER BY member_id")
                .param(motion.value()).query(String.class).list().stream().map(MemberId::new).toList();
        Map<MemberId, Choice> cast = new LinkedHashMap<>();
        ballots.forEach(b -> cast.put(new MemberId(b.member()), b.choice()));
        org.charterledger.charter.Count now = org.charterledger.charter.Count.of(rule, procedure, roll, cast,
                attendance(meeting).stream().map(MemberId::new).toList());
        Tally tally = now.tally();
        return new Count(now.rollSize(), now.present().size(), now.votes(),
                now.notVoted().stream().map(MemberId::value).toList(), tally.quorumHolds(), tally.quorumTest(),
                tally.thresholdMet(), tally.thresholdTest(), now.yesStillNeeded(), tally.notVoting());
    }

    private static List<Integer> years(String years) {
        return years == null || years.isBlank() ? List.of()
                : Arrays.stream(years.trim().split(" ")).map(Integer::parseInt).toList();
    }

    private static LocalDate date(Object value) {
        return value == null ? null : ((Date) value).toLocalDate();
    }

    /** A decision's arithmetic, its tests written from its numbers (see {@link DecisionRule#restate}). */
    private Tally restated(String tally) {
        return tally == null ? null : DecisionRule.restate(read(tally, Tally.class));
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return value == null ? null : json.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
