package org.charterledger.query.voting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.charterledger.events.AttendanceRecorded;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.LeftOff;
import org.charterledger.events.MeetingClosed;
import org.charterledger.events.MeetingConvened;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionDecided;
import org.charterledger.events.MotionOpened;
import org.charterledger.events.RollEntry;
import org.charterledger.events.VoteCast;
import org.charterledger.query.config.LedgerPosition;
import org.charterledger.query.config.ViewJdbc;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/** Keeps the meeting and motion tables: meetings, attendance, motions with their roll, ballots and decision. */
@Component
@ProcessingGroup(MotionProjection.GROUP)
class MotionProjection {

    static final String GROUP = "motions";
    private final ViewJdbc jdbc;
    private final ObjectMapper json;

    MotionProjection(ViewJdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(MeetingConvened e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO projection.meeting (id, body, ordinal, host, venue, first_day, last_day, position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(e.meeting().value(), e.body().name(), e.ordinal(), e.host() == null ? null : e.host().value(),
                        e.venue(), e.firstDay(), e.lastDay(), LedgerPosition.of(message))
                .update();
    }

    @EventHandler
    void on(AttendanceRecorded e, TrackedEventMessage<?> message) {
        for (MemberId party : e.present()) {
            jdbc.sql("""
                            INSERT INTO projection.meeting_attendance (meeting_id, party_id, position)
                            VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(e.meeting().value(), party.value(), LedgerPosition.of(message))
                    .update();
        }
    }

    @EventHandler
    void on(MeetingClosed e) {
        jdbc.sql("UPDATE projection.meeting SET closed_on = ? WHERE id = ?")
                .params(e.closedOn(), e.meeting().value()).update();
    }

    @EventHandler
    void on(MotionOpened e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO projection.motion (id, meeting_id, body, kind, item, rule, subject, procedure, effect,
                                                       roll_date, opened_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(e.motion().value(), e.meeting().value(), e.body().name(), e.kind().name(), e.item(), e.rule(),
                        e.subject(), e.procedure().name(), e.effect() == null ? null : write(e.effect()), e.rollDate(),
                        LedgerPosition.of(message))
                .update();
        for (RollEntry entry : e.roll()) {
            jdbc.sql("""
                            INSERT INTO projection.motion_roll (motion_id, member_id, years_in_arrears)
                            VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(e.motion().value(), entry.member().value(), entry.yearsInArrears().stream()
                            .map(FiscalYear::toString).collect(Collectors.joining(" ")))
                    .update();
        }
        for (LeftOff left : e.leftOff()) {
            jdbc.sql("""
                            INSERT INTO projection.motion_left_off (motion_id, party_id, category, reason, restricted_since)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(e.motion().value(), left.party().value(), left.category().name(), left.reason(),
                            left.restrictedSince())
                    .update();
        }
    }

    @EventHandler
    void on(VoteCast e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO projection.motion_vote (motion_id, member_id, choice, cast_on, position)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(e.motion().value(), e.member().value(), e.choice().name(), e.castOn(), LedgerPosition.of(message))
                .update();
    }

    @EventHandler
    void on(MotionDecided e, TrackedEventMessage<?> message) {
        jdbc.sql("""
                        UPDATE projection.motion SET outcome = ?, tally = ?, decided_on = ?, decided_position = ?
                        WHERE id = ?""")
                .params(e.outcome().name(), write(e.tally()), e.decidedOn(), LedgerPosition.of(message), e.motion().value())
                .update();
        for (MemberId member : e.present()) {
            jdbc.sql("UPDATE projection.motion_roll SET present = TRUE WHERE motion_id = ? AND member_id = ?")
                    .params(e.motion().value(), member.value()).update();
        }
    }

    @ResetHandler
    void reset() {
        for (String table : new String[]{"motion_vote", "motion_left_off", "motion_roll", "motion",
                "meeting_attendance", "meeting"}) {
            jdbc.sql("DELETE FROM projection." + table).update();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
