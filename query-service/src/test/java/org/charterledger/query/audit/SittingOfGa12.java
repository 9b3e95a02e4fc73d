package org.charterledger.query.audit;

import org.charterledger.charter.DecisionRule;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.AttendanceRecorded;
import org.charterledger.events.Body;
import org.charterledger.events.Choice;
import org.charterledger.events.CountryCode;
import org.charterledger.events.LeftOff;
import org.charterledger.events.MeetingConvened;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionDecided;
import org.charterledger.events.MotionId;
import org.charterledger.events.MotionKind;
import org.charterledger.events.MotionOpened;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.Procedure;
import org.charterledger.events.RollEntry;
import org.charterledger.events.Tally;
import org.charterledger.events.VoteCast;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The record the audit tests check and tamper with: three Korean members admitted in 2016, GA12 held in Busan on
 * 2019-08-27 with all three present, and GA12-M1 (category A) passed by two votes of three, the third present and
 * silent, an observer left off the roll. Nine events, the decision last.
 */
final class SittingOfGa12 {

    static final LocalDate DAY = LocalDate.of(2019, 8, 27);
    static final MeetingId MEETING = new MeetingId("GA12");
    static final MotionId MOTION = new MotionId("GA12-M1");
    static final MemberId A = new MemberId("KR-BUSAN");
    static final MemberId B = new MemberId("KR-DAEGU");
    static final MemberId C = new MemberId("KR-JEJU");

    private SittingOfGa12() {
    }

    /** Appends the sitting's events through {@code append} (aggregate, event → position); the decision's position. */
    static long appendTo(BiFunction<String, Object, Long> append) {
        for (MemberId member : List.of(A, B, C)) {
            append.apply(member.value(), new MemberAdmitted(member, CountryCode.of("KR"), member.value(), null,
                    PartyCategory.MEMBER, LocalDate.of(2016, 1, 1), AdmissionBasis.OPENING_BALANCE, null));
        }
        append.apply(MEETING.value(), new MeetingConvened(MEETING, Body.GA, 12, A, "Busan", DAY, DAY));
        append.apply(MEETING.value(), new AttendanceRecorded(MEETING, List.of(A, B, C)));
        append.apply(MOTION.value(), new MotionOpened(MOTION, MEETING, Body.GA, MotionKind.ARTICLE_8, 1, "CATEGORY_A",
                "Amend Article 5", Procedure.SITTING, null, DAY,
                List.of(new RollEntry(A, List.of()), new RollEntry(B, List.of()), new RollEntry(C, List.of())),
                List.of(new LeftOff(new MemberId("JP-MIYAGI"), PartyCategory.OBSERVER, "an observer has no vote", null))));
        append.apply(MOTION.value(), new VoteCast(MOTION, A, Choice.YES, DAY));
        append.apply(MOTION.value(), new VoteCast(MOTION, B, Choice.YES, DAY));
        // C attends and does not vote: present, counted against
        Tally tally = DecisionRule.CATEGORY_A.tally(3, 3, 2, 0, 0);
        return append.apply(MOTION.value(), new MotionDecided(MOTION, tally.outcome(), List.of(A, B, C), tally, DAY));
    }
}
