package org.charterledger.command.meetings;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.charterledger.command.meetings.MeetingCommands.CloseMeeting;
import org.charterledger.command.meetings.MeetingCommands.ConveneMeeting;
import org.charterledger.command.meetings.MeetingCommands.RecordAttendance;
import org.charterledger.events.AttendanceRecorded;
import org.charterledger.events.Body;
import org.charterledger.events.MeetingClosed;
import org.charterledger.events.MeetingConvened;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.charterledger.command.Refusals.refusal;

class MeetingTest {

    private static final MeetingId GA13 = new MeetingId("GA13");
    private static final MemberId SAKHA = new MemberId("RU-SAKHA");
    private static final MemberId ULSAN = new MemberId("KR-ULSAN");
    private static final LocalDate DAY = LocalDate.of(2021, 8, 10);
    private static final MeetingConvened CONVENED = new MeetingConvened(GA13, Body.GA, 13, SAKHA, "online", DAY, DAY);

    private FixtureConfiguration<Meeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Meeting.class);
    }

    @Test
    void convenesAMeeting() {
        fixture.givenNoPriorActivity()
                .when(new ConveneMeeting(GA13, Body.GA, 13, SAKHA, "online", DAY, DAY))
                .expectEvents(CONVENED);
    }

    @Test
    void refusesToConveneTheSameMeetingTwice() {
        fixture.given(CONVENED)
                .when(new ConveneMeeting(GA13, Body.GA, 13, SAKHA, "online", DAY, DAY))
                .expectException(MeetingRefused.class)
                .expectException(refusal("id", "convened-once"))
                .expectNoEvents();
    }

    @Test
    void refusesAMeetingThatEndsBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(new ConveneMeeting(GA13, Body.GA, 13, SAKHA, "online", DAY, DAY.minusDays(1)))
                .expectException(MeetingRefused.class)
                .expectException(refusal("lastDay", "last-day-after-first"))
                .expectNoEvents();
    }

    @Test
    void refusesAnOrdinalBelowOne() {
        fixture.givenNoPriorActivity()
                .when(new ConveneMeeting(GA13, Body.GA, 0, SAKHA, "online", DAY, DAY))
                .expectException(MeetingRefused.class)
                .expectException(refusal("ordinal", "positive"))
                .expectNoEvents();
    }

    @Test
    void recordsOnlyTheGovernmentsNotYetPresent() {
        fixture.given(CONVENED, new AttendanceRecorded(GA13, List.of(SAKHA)))
                .when(new RecordAttendance(GA13, List.of(SAKHA, ULSAN, ULSAN)))
                .expectEvents(new AttendanceRecorded(GA13, List.of(ULSAN)));
    }

    @Test
    void aRepeatedAttendanceChangesNothing() {
        fixture.given(CONVENED, new AttendanceRecorded(GA13, List.of(SAKHA)))
                .when(new RecordAttendance(GA13, List.of(SAKHA)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void closesOnItsLastDay() {
        fixture.given(CONVENED)
                .when(new CloseMeeting(GA13))
                .expectEvents(new MeetingClosed(GA13, DAY));
    }

    @Test
    void refusesAttendanceAndClosureOnceClosed() {
        fixture.given(CONVENED, new MeetingClosed(GA13, DAY))
                .when(new RecordAttendance(GA13, List.of(ULSAN)))
                .expectException(MeetingRefused.class)
                .expectException(refusal("id", "meeting-open"))
                .expectNoEvents();
        fixture.given(CONVENED, new MeetingClosed(GA13, DAY))
                .when(new CloseMeeting(GA13))
                .expectException(MeetingRefused.class)
                .expectException(refusal("id", "meeting-open"))
                .expectNoEvents();
    }
}
