package org.charterledger.query.voting;

import org.charterledger.charter.DecisionRule;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.AttendanceRecorded;
import org.charterledger.events.Body;
import org.charterledger.events.Choice;
import org.charterledger.events.CountryCode;
import org.charterledger.events.Effect;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.LeftOff;
import org.charterledger.events.MeetingClosed;
import org.charterledger.events.MeetingConvened;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionDecided;
import org.charterledger.events.MotionId;
import org.charterledger.events.MotionKind;
import org.charterledger.events.MotionOpened;
import org.charterledger.events.Outcome;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.Procedure;
import org.charterledger.events.RollEntry;
import org.charterledger.events.Tally;
import org.charterledger.events.VoteCast;
import org.charterledger.query.Views;
import org.charterledger.query.config.NotFound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Meetings, motions, their rolls and counts from the motion view, on the in-memory views (MotionQueriesIT on
 * PostgreSQL): GA13 on 2021-08-10 with a roll of three members, Tyva left off for its dues, and Liaoning, an
 * observer, attending.
 */
class MotionViewTest {

    private static final MeetingId GA13 = new MeetingId("GA13");
    private static final MotionId M1 = new MotionId("GA13-M1");
    private static final MotionId M2 = new MotionId("GA13-M2");
    private static final LocalDate DAY = LocalDate.of(2021, 8, 10);
    private static final MemberId BUSAN = new MemberId("KR-BUSAN");
    private static final MemberId SAKHA = new MemberId("RU-SAKHA");
    private static final MemberId ULSAN = new MemberId("KR-ULSAN");
    private static final MemberId TYVA = new MemberId("RU-TYVA");
    private static final MemberId LIAONING = new MemberId("CN-LIAONING");
    private static final List<RollEntry> ROLL = List.of(new RollEntry(BUSAN, List.of()),
            new RollEntry(SAKHA, List.of()), new RollEntry(ULSAN, List.of(FiscalYear.of(2020))));
    private static final List<LeftOff> LEFT_OFF = List.of(
            new LeftOff(TYVA, PartyCategory.MEMBER, "restricted since 2018-05-01: dues unpaid",
                    LocalDate.of(2018, 5, 1)));

    private Views views;
    private MotionController motions;

    @BeforeEach
    void ga13WithASittingMotionOnItsNextHost() {
        views = Views.empty().given(
                admitted(BUSAN, "Busan"), admitted(SAKHA, "Sakha Republic"), admitted(ULSAN, "Ulsan"),
                new MeetingConvened(GA13, Body.GA, 13, SAKHA, "online", DAY, DAY),
                opened(M1, Procedure.SITTING, new Effect.ElectNextHost(ULSAN)),
                new AttendanceRecorded(GA13, List.of(BUSAN, ULSAN, LIAONING)),
                new VoteCast(M1, ULSAN, Choice.YES, DAY));
        motions = new MotionController(views.jdbc(), views.json());
    }

    @AfterEach
    void close() {
        views.close();
    }

    @Test
    void anOpenMotionCountsTheBallotsAndAtASittingTheAttendanceOnTheRoll() {
        MotionController.MotionView motion = motions.motion(M1);

        assertThat(motion.status()).isEqualTo("OPEN");
        assertThat(motion.outcome()).isNull();
        assertThat(motion.rule()).isEqualTo("CATEGORY_B");
        assertThat(motion.article()).isEqualTo(DecisionRule.CATEGORY_B.article());
        assertThat(motion.effect().get("type").asText()).isEqualTo("ELECT_NEXT_HOST");
        assertThat(motion.effect().get("host").asText()).isEqualTo("KR-ULSAN");
        assertThat(motion.openedPosition()).isEqualTo(5);
        assertThat(motion.decidedPosition()).isNull();
        assertThat(motion.ballots()).containsExactly(new MotionController.Ballot("KR-ULSAN", Choice.YES, DAY, 7));
        MotionController.Count count = motion.count();
        // E = 3; present: Ulsan voted, Busan attends (Liaoning attends but is not on the roll)
        assertThat(count.rollSize()).isEqualTo(3);
        assertThat(count.present()).isEqualTo(2);
        assertThat(count.votes()).isEqualTo(Map.of(Choice.YES, 1, Choice.NO, 0, Choice.ABSTAIN, 0));
        assertThat(count.notVoted()).containsExactly("KR-BUSAN", "RU-SAKHA");
        Tally now = DecisionRule.CATEGORY_B.tally(3, 2, 1, 0, 0);
        assertThat(count.quorumHolds()).isTrue().isEqualTo(now.quorumHolds());
        assertThat(count.quorumTest()).isEqualTo(now.quorumTest());
        assertThat(count.thresholdMet()).isFalse().isEqualTo(now.thresholdMet());
        assertThat(count.thresholdTest()).isEqualTo(now.thresholdTest());
        assertThat(count.yesStillNeeded()).isEqualTo(DecisionRule.CATEGORY_B.yesStillNeeded(3, 2, 1, 0, 0));
    }

    @Test
    void aWrittenBallotCountsOnlyItsReturnedBallotsAsPresent() {
        views.given(opened(M2, Procedure.WRITTEN_BALLOT, null), new VoteCast(M2, SAKHA, Choice.NO, DAY));

        MotionController.Count count = motions.motion(M2).count();

        assertThat(count.present()).isEqualTo(1);
        assertThat(count.votes()).isEqualTo(Map.of(Choice.YES, 0, Choice.NO, 1, Choice.ABSTAIN, 0));
        assertThat(count.notVoted()).containsExactly("KR-BUSAN", "KR-ULSAN");
        assertThat(count.quorumHolds()).isEqualTo(DecisionRule.CATEGORY_B.tally(3, 1, 0, 1, 0).quorumHolds());
    }

    @Test
    void aDecidedMotionShowsItsOutcomeAndDerivationAndWhoWasPresent() {
        Tally tally = DecisionRule.CATEGORY_B.tally(3, 2, 1, 0, 0);
        views.given(new MotionDecided(M1, Outcome.FAILED, List.of(BUSAN, ULSAN), tally, DAY));

        MotionController.MotionView motion = motions.motion(M1);
        MotionController.RollView roll = motions.roll(M1);

        assertThat(motion.status()).isEqualTo("DECIDED");
        assertThat(motion.outcome()).isEqualTo("FAILED");
        assertThat(motion.decidedOn()).isEqualTo(DAY);
        assertThat(motion.decidedPosition()).isEqualTo(views.position());
        assertThat(motion.derivation()).isEqualTo(DecisionRule.restate(tally));
        assertThat(roll.rollDate()).isEqualTo(DAY);
        assertThat(roll.size()).isEqualTo(3);
        assertThat(roll.roll()).containsExactly(
                new MotionController.RollLine("KR-BUSAN", "Busan", List.of(), true),
                new MotionController.RollLine("KR-ULSAN", "Ulsan", List.of(2020), true),
                new MotionController.RollLine("RU-SAKHA", "Sakha Republic", List.of(), false));
        assertThat(roll.leftOff()).containsExactly(new MotionController.LeftOffLine("RU-TYVA", null, "MEMBER",
                "restricted since 2018-05-01: dues unpaid", LocalDate.of(2018, 5, 1)));
    }

    @Test
    void aMeetingWithItsAttendanceAndMotionsUntilItCloses() {
        MotionController.MeetingView open = motions.meeting(GA13);

        assertThat(open.body()).isEqualTo(Body.GA);
        assertThat(open.ordinal()).isEqualTo(13);
        assertThat(open.host()).isEqualTo("RU-SAKHA");
        assertThat(open.firstDay()).isEqualTo(DAY);
        assertThat(open.closedOn()).isNull();
        assertThat(open.attendance()).containsExactly("CN-LIAONING", "KR-BUSAN", "KR-ULSAN");
        assertThat(open.motions())
                .containsExactly(new MotionController.MotionLine("GA13-M1", 9, "next host", "OPEN", null));

        views.given(new MeetingClosed(GA13, DAY));

        assertThat(motions.meeting(GA13).closedOn()).isEqualTo(DAY);
        assertThat(motions.meetings(null).total()).isEqualTo(1);
        assertThat(motions.meetings(Body.GA).meetings()).extracting(MotionController.MeetingView::id)
                .containsExactly("GA13");
        assertThat(motions.meetings(Body.EC).meetings()).isEmpty();
    }

    @Test
    void whatTheViewsDoNotHoldIsNotFound() {
        MotionId unknown = new MotionId("GA99-M9");

        assertThatThrownBy(() -> motions.motion(unknown)).isInstanceOf(NotFound.class).hasMessage("no motion GA99-M9");
        assertThatThrownBy(() -> motions.roll(unknown)).isInstanceOf(NotFound.class).hasMessage("no motion GA99-M9");
        assertThatThrownBy(() -> motions.meeting(new MeetingId("GA99"))).isInstanceOf(NotFound.class)
                .hasMessage("no meeting GA99");
    }

    private static MemberAdmitted admitted(MemberId id, String name) {
        return new MemberAdmitted(id, id.countryPrefix(), name, null, PartyCategory.MEMBER, LocalDate.of(2021, 1, 1),
                AdmissionBasis.OPENING_BALANCE, null);
    }

    private static MotionOpened opened(MotionId motion, Procedure procedure, Effect effect) {
        return new MotionOpened(motion, GA13, Body.GA, MotionKind.ARTICLE_8, 9, "CATEGORY_B", "next host", procedure,
                effect, DAY, ROLL, LEFT_OFF);
    }
}
