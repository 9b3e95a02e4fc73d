package org.charterledger.command.meetings;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.charterledger.events.AttendanceRecorded;
import org.charterledger.events.Body;
import org.charterledger.events.MeetingClosed;
import org.charterledger.events.MeetingConvened;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.charterledger.events.MotionOpened;
import org.charterledger.events.NextHostElected;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a motion needs to know of its meeting (its body, date, attendance, whether it is closed) and whether a
 * General Assembly meets in a year. A subscribing processor: written in the transaction of the events.
 */
@Component
@ProcessingGroup(MeetingIndex.GROUP)
public class MeetingIndex {

    static final String GROUP = "meeting-index";

    /** A meeting as the command side knows it. */
    public record IndexedMeeting(MeetingId id, Body body, int ordinal, LocalDate firstDay, LocalDate lastDay,
                                 boolean closed) {
    }

    /** The next host a General Assembly elected, and the motion that elected it. */
    public record ElectedHost(MemberId host, MotionId motion) {
    }

    private final JdbcClient jdbc;

    MeetingIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MeetingConvened e) {
        jdbc.sql("INSERT INTO ledger.meeting_index (meeting_id, body, ordinal, first_day, last_day)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(e.meeting().value(), e.body().name(), e.ordinal(), e.firstDay(), e.lastDay())
                .update();
    }

    @EventHandler
    void on(AttendanceRecorded e) {
        for (MemberId party : e.present()) {
            jdbc.sql("INSERT INTO ledger.meeting_attendance (meeting_id, party_id) VALUES (?, ?)")
                    .params(e.meeting().value(), party.value())
                    .update();
        }
    }

    @EventHandler
    void on(MeetingClosed e) {
        jdbc.sql("UPDATE ledger.meeting_index SET closed = TRUE WHERE meeting_id = ?").param(e.meeting().value())
                .update();
    }

    @EventHandler
    void on(NextHostElected e) {
        jdbc.sql("INSERT INTO ledger.next_host_index (meeting_id, host_id, motion_id) VALUES (?, ?, ?)")
                .params(e.electingMeeting().value(), e.host().value(), e.decidedBy().value())
                .update();
    }

    @EventHandler
    void on(MotionOpened e) {
        jdbc.sql("INSERT INTO ledger.motion_index (motion_id, meeting_id) VALUES (?, ?)")
                .params(e.motion().value(), e.meeting().value())
                .update();
    }

    public Optional<IndexedMeeting> meeting(MeetingId id) {
        return jdbc.sql("SELECT body, ordinal, first_day, last_day, closed FROM ledger.meeting_index"
                        + " WHERE meeting_id = ?")
                .param(id.value())
                .query((rs, i) -> new IndexedMeeting(id, Body.valueOf(rs.getString("body")), rs.getInt("ordinal"),
                        rs.getDate("first_day").toLocalDate(), rs.getDate("last_day").toLocalDate(),
                        rs.getBoolean("closed")))
                .optional();
    }

    public Optional<ElectedHost> nextHostElectedAt(MeetingId meeting) {
        return jdbc.sql("SELECT host_id, motion_id FROM ledger.next_host_index WHERE meeting_id = ?")
                .param(meeting.value())
                .query((rs, i) -> new ElectedHost(new MemberId(rs.getString(1)), new MotionId(rs.getString(2))))
                .optional();
    }

    public Optional<MeetingId> meetingOf(MotionId motion) {
        return jdbc.sql("SELECT meeting_id FROM ledger.motion_index WHERE motion_id = ?")
                .param(motion.value()).query(String.class).optional().map(MeetingId::new);
    }

    public Set<MemberId> attendance(MeetingId meeting) {
        return new HashSet<>(jdbc.sql("SELECT party_id FROM ledger.meeting_attendance WHERE meeting_id = ?")
                .param(meeting.value()).query(String.class).list().stream().map(MemberId::new).toList());
    }

    /** Whether a General Assembly meets in {@code year} (Charter Art. 9-2). */
    public boolean gaHeldIn(int year) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM ledger.meeting_index
                        WHERE body = 'GA' AND first_day >= ? AND first_day <= ?""")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query(Long.class).single() > 0;
    }
}
