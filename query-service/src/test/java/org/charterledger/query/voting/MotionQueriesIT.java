package org.charterledger.query.voting;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.charterledger.query.LedgerIT;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Meetings and motions on PostgreSQL, from their events: the live count of an open motion, then its decision. */
class MotionQueriesIT extends LedgerIT {

    private static final LocalDate DAY = LocalDate.of(2019, 8, 27);

    @Test
    void anOpenMotionShowsItsLiveCountAndADecidedOneItsArithmetic() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        MeetingId meeting = new MeetingId("GA12-" + suffix);
        MotionId motion = new MotionId("GA12-" + suffix + "-M1");
        MemberId a = new MemberId("KR-A" + suffix);
        MemberId b = new MemberId("KR-B" + suffix);
        MemberId c = new MemberId("KR-C" + suffix);
        MemberId observer = new MemberId("JP-O" + suffix);
        append(meeting.value(), new MeetingConvened(meeting, Body.GA, 12, a, "Busan", DAY, DAY));
        append(meeting.value(), new AttendanceRecorded(meeting, List.of(a, b, observer)));
        append(motion.value(), new MotionOpened(motion, meeting, Body.GA, MotionKind.ARTICLE_8, 1, "CATEGORY_A",
                "Amend Article 5", Procedure.SITTING, null, DAY,
                List.of(new RollEntry(a, List.of()), new RollEntry(b, List.of()), new RollEntry(c, List.of())),
                List.of(new LeftOff(observer, PartyCategory.OBSERVER, "an observer has no vote", null))));
        long voted = append(motion.value(), new VoteCast(motion, a, Choice.YES, DAY));

        JsonNode open = body(get("/api/motions/" + motion + "?atLeast=" + voted));

        assertThat(open.get("status").asText()).isEqualTo("OPEN");
        JsonNode count = open.get("count");
        assertThat(count.get("rollSize").asInt()).isEqualTo(3);
        assertThat(count.get("present").asInt()).isEqualTo(2);
        assertThat(count.get("votes").get("YES").asInt()).isEqualTo(1);
        assertThat(count.get("notVoted").toString()).isEqualTo("[\"" + b + "\",\"" + c + "\"]");
        assertThat(count.get("quorumHolds").asBoolean()).isTrue();
        assertThat(count.get("yesStillNeeded").asInt()).isEqualTo(1);
        assertThat(open.get("article").asText()).isEqualTo("Charter Art. 9(2)");

        append(motion.value(), new VoteCast(motion, b, Choice.YES, DAY));
        Tally tally = DecisionRule.CATEGORY_A.tally(3, 2, 2, 0, 0);
        long decided = append(motion.value(), new MotionDecided(motion, tally.outcome(), List.of(a, b), tally, DAY));

        JsonNode closed = body(get("/api/motions/" + motion + "?atLeast=" + decided));
        JsonNode roll = body(get("/api/motions/" + motion + "/roll"));
        JsonNode ga = body(get("/api/meetings/" + meeting));

        assertThat(closed.get("status").asText()).isEqualTo("DECIDED");
        assertThat(closed.get("outcome").asText()).isEqualTo("PASSED");
        assertThat(closed.get("derivation").get("thresholdTest").asText()).isEqualTo("3·2 = 6 ≥ 2·2 = 4");
        assertThat(closed.get("decidedPosition").asLong()).isEqualTo(decided);
        assertThat(roll.get("size").asInt()).isEqualTo(3);
        assertThat(roll.get("leftOff").get(0).get("reason").asText()).isEqualTo("an observer has no vote");
        assertThat(roll.get("roll").get(0).get("present").asBoolean()).isTrue();
        assertThat(roll.get("roll").get(2).get("present").asBoolean()).isFalse();
        assertThat(ga.get("attendance")).hasSize(3);
        assertThat(ga.get("motions").get(0).get("outcome").asText()).isEqualTo("PASSED");
        assertThat(body(get("/api/meetings?body=GA")).get("meetings").findValuesAsText("id")).contains(meeting.value());
    }

    /** A member's ballots over several motions, in one answer: the party page's "votes cast and ballots returned". */
    @Test
    void aMembersBallotsAreListedWithTheirMotionsInTheOrderRecorded() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        MeetingId meeting = new MeetingId("GA12-" + suffix);
        MotionId sitting = new MotionId("GA12-" + suffix + "-M1");
        MotionId written = new MotionId("GA12-" + suffix + "-M2");
        MemberId a = new MemberId("KR-A" + suffix);
        MemberId b = new MemberId("KR-B" + suffix);
        for (MemberId member : List.of(a, b)) {
            append(member.value(), new MemberAdmitted(member, CountryCode.of("KR"), member.value(), null,
                    PartyCategory.MEMBER, LocalDate.of(2016, 1, 1), AdmissionBasis.OPENING_BALANCE, null));
        }
        append(meeting.value(), new MeetingConvened(meeting, Body.GA, 12, a, "Busan", DAY, DAY));
        List<RollEntry> roll = List.of(new RollEntry(a, List.of()), new RollEntry(b, List.of()));
        append(sitting.value(), new MotionOpened(sitting, meeting, Body.GA, MotionKind.ARTICLE_8, 1, "CATEGORY_A",
                "Amend Article 5", Procedure.SITTING, null, DAY, roll, List.of()));
        append(written.value(), new MotionOpened(written, meeting, Body.GA, MotionKind.ARTICLE_8, 2, "CATEGORY_A",
                "Adopt the budget", Procedure.WRITTEN_BALLOT, null, DAY, roll, List.of()));
        long returned = append(written.value(), new VoteCast(written, a, Choice.NO, DAY));
        append(sitting.value(), new VoteCast(sitting, b, Choice.YES, DAY));
        Tally tally = DecisionRule.CATEGORY_A.tally(2, 2, 0, 1, 0);
        append(written.value(), new MotionDecided(written, tally.outcome(), List.of(a, b), tally, DAY));
        long cast = append(sitting.value(), new VoteCast(sitting, a, Choice.ABSTAIN, DAY));

        JsonNode ofA = body(get("/api/members/" + a + "/ballots?atLeast=" + cast));

        assertThat(ofA.get("member").asText()).isEqualTo(a.value());
        assertThat(ofA.get("total").asInt()).isEqualTo(2);
        JsonNode first = ofA.get("ballots").get(0);
        assertThat(first.get("motion").asText()).isEqualTo(written.value());
        assertThat(first.get("meeting").asText()).isEqualTo(meeting.value());
        assertThat(first.get("subject").asText()).isEqualTo("Adopt the budget");
        assertThat(first.get("procedure").asText()).isEqualTo("WRITTEN_BALLOT");
        assertThat(first.get("choice").asText()).isEqualTo("NO");
        assertThat(first.get("castOn").asText()).isEqualTo(DAY.toString());
        assertThat(first.get("position").asLong()).isEqualTo(returned);
        assertThat(first.get("outcome").asText()).isEqualTo(tally.outcome().name());
        JsonNode second = ofA.get("ballots").get(1);
        assertThat(second.get("motion").asText()).isEqualTo(sitting.value());
        assertThat(second.get("choice").asText()).isEqualTo("ABSTAIN");
        assertThat(second.get("position").asLong()).isEqualTo(cast);
        assertThat(second.get("outcome").isNull()).isTrue();
        assertThat(body(get("/api/members/" + b + "/ballots")).get("ballots").findValuesAsText("motion"))
                .containsExactly(sitting.value());
        assertProblem(get("/api/members/KR-NOBODY" + suffix + "/ballots"), 404, "not-found", "memberId");
    }

    /**
     * A failed threshold recorded before the ledger wrote failed tests with their true sign: the view and the
     * auditor's derivation write it from its numbers ("<", not the stored "≥"), and the derivation, comparing
     * numbers and outcome, still finds the record consistent.
     */
    @Test
    void aFailedThresholdRecordedWithAFalseSignIsShownWithTheTrueOne() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        MeetingId meeting = new MeetingId("GA14-" + suffix);
        MotionId motion = new MotionId("GA14-" + suffix + "-M3");
        List<MemberId> roll = List.of(new MemberId("KR-A" + suffix), new MemberId("KR-B" + suffix),
                new MemberId("KR-C" + suffix));
        append(meeting.value(), new MeetingConvened(meeting, Body.GA, 14, roll.get(0), "Ulsan", DAY, DAY));
        append(motion.value(), new MotionOpened(motion, meeting, Body.GA, MotionKind.ARTICLE_8, 3, "CATEGORY_A",
                "Amend Article 9", Procedure.WRITTEN_BALLOT, null, DAY,
                roll.stream().map(m -> new RollEntry(m, List.of())).toList(), List.of()));
        append(motion.value(), new VoteCast(motion, roll.get(0), Choice.YES, DAY));
        append(motion.value(), new VoteCast(motion, roll.get(1), Choice.NO, DAY));
        // as the ledger wrote it before: a failed threshold with the sign of the test it failed
        Tally stored = new Tally("CATEGORY_A", "Charter Art. 9(2)", 3, 2, 1, 1, 0, 0, true, "2·2 = 4 > 3", false,
                "3·1 = 3 ≥ 2·2 = 4");
        long decided = append(motion.value(), new MotionDecided(motion, stored.outcome(), roll.subList(0, 2), stored,
                DAY));

        JsonNode view = body(get("/api/motions/" + motion + "?atLeast=" + decided));
        JsonNode derivation = body(get("/api/audit/motions/" + motion + "/derivation"));

        assertThat(view.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(view.get("derivation").get("thresholdTest").asText()).isEqualTo("3·1 = 3 < 2·2 = 4");
        assertThat(view.get("derivation").get("thresholdMet").asBoolean()).isFalse();
        assertThat(derivation.get("recorded").get("thresholdTest").asText()).isEqualTo("3·1 = 3 < 2·2 = 4");
        assertThat(derivation.get("recomputed").get("thresholdTest").asText()).isEqualTo("3·1 = 3 < 2·2 = 4");
        assertThat(derivation.get("consistent").asBoolean()).isTrue();
    }

    @Test
    void unknownMotionsAndMeetingsAreNotFoundAndMalformedIdsAreRefused() throws Exception {
        assertProblem(get("/api/motions/GA99-M9"), 404, "not-found", "id");
        assertProblem(get("/api/motions/GA99-M9/roll"), 404, "not-found", "id");
        assertProblem(get("/api/meetings/GA99"), 404, "not-found", "id");
        assertProblem(get("/api/motions/ga13"), 400, "malformed-request", "id");
        assertProblem(get("/api/meetings?body=SENATE"), 400, "malformed-request", "body");
    }
}
