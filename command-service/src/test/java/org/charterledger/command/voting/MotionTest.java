package org.charterledger.command.voting;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.charterledger.charter.DecisionRule;
import org.charterledger.charter.MeetingDays;
import org.charterledger.charter.SubcommitteeFacts;
import org.charterledger.charter.VoterRoll;
import org.charterledger.command.Rejection;
import org.charterledger.command.voting.MotionCommands.Ballot;
import org.charterledger.command.voting.MotionCommands.CastVote;
import org.charterledger.command.voting.MotionCommands.CloseMotion;
import org.charterledger.command.voting.MotionCommands.OpenMotion;
import org.charterledger.command.voting.MotionCommands.RecordBallots;
import org.charterledger.events.Body;
import org.charterledger.events.Choice;
import org.charterledger.events.CountryCode;
import org.charterledger.events.Effect;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.LeftOff;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberId;
import org.charterledger.events.Money;
import org.charterledger.events.MotionDecided;
import org.charterledger.events.MotionId;
import org.charterledger.events.MotionKind;
import org.charterledger.events.MotionOpened;
import org.charterledger.events.NextHostElected;
import org.charterledger.events.Outcome;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.Procedure;
import org.charterledger.events.RollEntry;
import org.charterledger.events.Tally;
import org.charterledger.events.VoteCast;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.charterledger.command.Refusals.refusal;
import static org.hamcrest.Matchers.containsString;

class MotionTest {

    private static final MotionId M1 = new MotionId("GA13-M1");
    private static final MeetingId GA13 = new MeetingId("GA13");
    private static final LocalDate DAY = LocalDate.of(2021, 8, 10);
    private static final MeetingDays DAYS = new MeetingDays(DAY, DAY);
    private static final MemberId ULSAN = new MemberId("KR-ULSAN");
    private static final MemberId SAKHA = new MemberId("RU-SAKHA");
    private static final MemberId BUSAN = new MemberId("KR-BUSAN");
    private static final MemberId TYVA = new MemberId("RU-TYVA");
    private static final MemberId LIAONING = new MemberId("CN-LIAONING");
    private static final MemberId HCMC = new MemberId("VN-HO-CHI-MINH-CITY");
    private static final VoterRoll ROLL = new VoterRoll(
            List.of(new RollEntry(BUSAN, List.of()), new RollEntry(SAKHA, List.of()), new RollEntry(ULSAN, List.of())),
            List.of(new LeftOff(TYVA, PartyCategory.MEMBER, "restricted since 2018-05-01: dues unpaid", DAY),
                    new LeftOff(LIAONING, PartyCategory.OBSERVER, "an observer has no vote", null),
                    new LeftOff(HCMC, PartyCategory.ASSOCIATE, "an associate has no vote", null)));
    private static final Effect ELECT_ULSAN = new Effect.ElectNextHost(ULSAN);

    private FixtureConfiguration<Motion> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Motion.class);
    }

    @Nested
    class Opening {

        @Test
        void freezesTheRollIntoTheEvent() {
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 9, ELECT_ULSAN, false))
                    .expectEvents(opened(Procedure.WRITTEN_BALLOT, 9, ELECT_ULSAN));
        }

        @Test
        void refusesToOpenTheSameMotionTwice() {
            fixture.given(opened(Procedure.WRITTEN_BALLOT, 9, ELECT_ULSAN))
                    .when(open(Body.GA, 9, ELECT_ULSAN, false))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("id", "opened-once"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMotionAtAClosedMeeting() {
            fixture.givenNoPriorActivity()
                    .when(new OpenMotion(M1, GA13, Body.GA, true, true, DAY, MotionKind.ARTICLE_8, 9, "x",
                            Procedure.SITTING, null, ROLL, null, Set.of()))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("meeting", "meeting-open"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnExecutiveCommitteeMotionOutsideArticle9Dash2() {
            fixture.givenNoPriorActivity()
                    .when(open(Body.EC, 9, null, false))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("item", "ec-items", "Charter Art. 9-2"))
                    .expectExceptionMessage(containsString("only items 1, 7 and 8"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnExecutiveCommitteeMotionInAGeneralAssemblyYear() {
            fixture.givenNoPriorActivity()
                    .when(open(Body.EC, 7, null, true))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("item", "ec-in-ga-year", "Charter Art. 9-2"))
                    .expectExceptionMessage(containsString("no General Assembly is held"))
                    .expectNoEvents();
        }

        @Test
        void refusesACoordinatorsReplacementPutToTheGeneralAssembly() {
            fixture.givenNoPriorActivity()
                    .when(new OpenMotion(M1, GA13, Body.GA, false, true, DAY, MotionKind.COORDINATOR_REPLACEMENT, null,
                            "x", Procedure.SITTING, null, ROLL, null, Set.of()))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("kind", "replacement-by-ec", "Subcommittee Regulation Art. 5(7)"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnEffectOfAnotherItem() {
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 7, ELECT_ULSAN, false))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("effect", "effect-of-item", "Charter Art. 8"))
                    .expectNoEvents();
        }

        @Test
        void refusesToElectAHostWithoutElectoralRights() {
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 9, new Effect.ElectNextHost(TYVA), false))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("effect.host", "electoral-rights", "Charter Art. 7(3)"))
                    .expectExceptionMessage(containsString("restricted since 2018-05-01"))
                    .expectNoEvents();
        }

        @Test
        void admitsAnObserverAsAMemberButNotAMemberAgain() {
            Effect liaoning = new Effect.Admit(LIAONING, CountryCode.of("CN"), "Liaoning Province", PartyCategory.MEMBER);
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 1, liaoning, false))
                    .expectSuccessfulHandlerExecution();
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 1, new Effect.Admit(ULSAN, CountryCode.of("KR"), "Ulsan", PartyCategory.MEMBER), false))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("effect.party", "admitted-once"))
                    .expectNoEvents();
        }

        @Test
        void refusesToAdmitAnObserverByADecision() {
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 1, new Effect.Admit(new MemberId("DE-BAVARIA"), CountryCode.of("DE"), "Bavaria",
                            PartyCategory.OBSERVER), false))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("effect.category", "member-or-associate", "Charter Art. 4"))
                    .expectNoEvents();
        }

        @Test
        void refusesToAdmitAMemberFromOutsideTheSixCountries() {
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 1, new Effect.Admit(new MemberId("TH-BANGKOK"), CountryCode.of("TH"), "Bangkok",
                            PartyCategory.MEMBER), false))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("effect.category", "member-country", "Charter Art. 4"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"CN-LIAONING", "JP-NOWHERE"})
        void refusesToExpelAnObserverOrAStranger(String party) {
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 1, new Effect.Expel(new MemberId(party)), false))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("effect.party", "member-or-associate", "Charter Art. 8"))
                    .expectNoEvents();
        }

        @Test
        void electsAnAuditorWithElectoralRightsOnePerCountry() {
            Effect busan = new Effect.ElectAuditor(BUSAN);
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 6, busan, false))
                    .expectSuccessfulHandlerExecution();
            fixture.givenNoPriorActivity()
                    .when(new OpenMotion(M1, GA13, Body.GA, false, true, DAY, MotionKind.ARTICLE_8, 6, "x",
                            Procedure.WRITTEN_BALLOT, busan, ROLL, null, Set.of(CountryCode.of("KR"))))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("effect.auditor", "one-per-country", "Charter Art. 7(2)"))
                    .expectExceptionMessage(containsString("already has an auditor from KR")).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 6, new Effect.ElectAuditor(TYVA), false))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("effect.auditor", "electoral-rights", "Charter Art. 7(3)"))
                    .expectNoEvents();
        }

        @Test
        void refusesADuesRateOfZero() {
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 2, new Effect.ChangeDuesRate(Money.of("0", "USD"), FiscalYear.of(2024)), false))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("effect.amount", "positive", "Dues Regulation Art. 5(3)"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Replacement {

        private final SubcommitteeFacts tourism = new SubcommitteeFacts(8, false, List.of(BUSAN, SAKHA),
                LocalDate.of(2019, 1, 1), LocalDate.of(2021, 1, 1), LocalDate.of(2019, 6, 30));

        private OpenMotion replace(MemberId outgoing, MemberId incoming, LocalDate on, SubcommitteeFacts facts) {
            return new OpenMotion(M1, GA13, Body.EC, false, false, on, MotionKind.COORDINATOR_REPLACEMENT, null,
                    "replace", Procedure.SITTING, new Effect.ReplaceCoordinator(8, outgoing, incoming), ROLL, facts, Set.of());
        }

        @Test
        void anInactiveCoordinatorMayBeReplacedByAMember() {
            fixture.givenNoPriorActivity()
                    .when(replace(SAKHA, ULSAN, LocalDate.of(2021, 6, 30), tourism))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void notBeforeTwoYearsWithoutActivity() {
            fixture.givenNoPriorActivity()
                    .when(replace(SAKHA, ULSAN, LocalDate.of(2021, 6, 29), tourism))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("effect.outgoing", "inactive-two-years",
                            "Subcommittee Regulation Art. 5(7)"))
                    .expectExceptionMessage(containsString("less than two years"))
                    .expectNoEvents();
        }

        @Test
        void notOneThatIsNotASittingCoordinator() {
            fixture.givenNoPriorActivity()
                    .when(replace(ULSAN, TYVA, LocalDate.of(2021, 6, 30), tourism))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("effect.outgoing", "sitting-coordinator"))
                    .expectNoEvents();
        }

        @Test
        void notByANonMember() {
            fixture.givenNoPriorActivity()
                    .when(replace(SAKHA, LIAONING, LocalDate.of(2021, 6, 30), tourism))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("effect.incoming", "members-only", "Subcommittee Regulation Art. 5(1)"))
                    .expectNoEvents();
        }

        @Test
        void notInASubcommitteeThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(replace(SAKHA, ULSAN, LocalDate.of(2021, 6, 30), null))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("effect.subcommittee", "must-exist"))
                    .expectNoEvents();
        }

        @Test
        void notByAnotherKindOfMotion() {
            fixture.givenNoPriorActivity()
                    .when(new OpenMotion(M1, GA13, Body.EC, false, false, DAY, MotionKind.ARTICLE_8, 7, "x",
                            Procedure.SITTING, new Effect.ReplaceCoordinator(8, SAKHA, ULSAN), ROLL, tourism, Set.of()))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("kind", "replacement-motion", "Subcommittee Regulation Art. 5(7)"))
                    .expectNoEvents();
        }

        @Test
        void passesByItsOwnRule() {
            MotionOpened opened = new MotionOpened(M1, GA13, Body.EC, MotionKind.COORDINATOR_REPLACEMENT, null,
                    "COORDINATOR_REPLACEMENT", "replace", Procedure.SITTING, null, DAY, ROLL.entries(), ROLL.leftOff());
            // E = 3; 2 attend (2·2 ≥ 3); yes 1, abstain 1: 2·1 = 2 is not > 2 votes cast
            fixture.given(opened, new VoteCast(M1, ULSAN, Choice.YES, DAY), new VoteCast(M1, SAKHA, Choice.ABSTAIN, DAY))
                    .when(new CloseMotion(M1, Set.of(), DAY, DAYS))
                    .expectEvents(new MotionDecided(M1, Outcome.FAILED, List.of(ULSAN, SAKHA),
                            DecisionRule.COORDINATOR_REPLACEMENT.tally(3, 2, 1, 0, 1), DAY));
        }
    }

    /** Subcommittees and their coordinators: decided by the EC, by a motion of the kind SUBCOMMITTEE. */
    @Nested
    class SubcommitteeDecisions {

        private final SubcommitteeFacts tourism = SubcommitteeFacts.fold(List.of(
                new org.charterledger.events.SubcommitteeEstablished(8, "Tourism", "Tourism", LocalDate.of(2008, 1, 1),
                        null, null),
                new org.charterledger.events.CoordinatorAppointed(8, List.of(SAKHA), LocalDate.of(2021, 1, 1),
                        LocalDate.of(2023, 1, 1), false, null, null)));

        private OpenMotion subcommitteeMotion(Body body, MotionKind kind, Effect effect, SubcommitteeFacts facts) {
            return new OpenMotion(M1, GA13, body, false, false, DAY, kind, kind == MotionKind.ARTICLE_8 ? 7 : null,
                    "x", Procedure.WRITTEN_BALLOT, effect, ROLL, facts, Set.of());
        }

        @Test
        void opensBeforeTheExecutiveCommitteeByItsRule() {
            Effect establish = new Effect.EstablishSubcommittee(21, "Digital Government", null);
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.EC, MotionKind.SUBCOMMITTEE, establish, null))
                    .expectEvents(new MotionOpened(M1, GA13, Body.EC, MotionKind.SUBCOMMITTEE, null, "CATEGORY_B", "x",
                            Procedure.WRITTEN_BALLOT, establish, DAY, ROLL.entries(), ROLL.leftOff()));
        }

        @Test
        void refusesOneNotPutToTheExecutiveCommitteeOrOfAnotherKind() {
            Effect establish = new Effect.EstablishSubcommittee(21, "Digital Government", null);
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.GA, MotionKind.SUBCOMMITTEE, establish, null))
                    .expectException(refusal("kind", "subcommittee-by-ec", "Charter Art. 11(4)")).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.EC, MotionKind.ARTICLE_8, establish, null))
                    .expectException(refusal("kind", "subcommittee-motion", "Charter Art. 11(4)")).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.EC, MotionKind.COORDINATOR_REPLACEMENT, establish, null))
                    .expectException(refusal("kind", "subcommittee-motion", "Charter Art. 11(4)")).expectNoEvents();
        }

        @Test
        void refusesToEstablishTwiceOrWithoutAName() {
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.EC, MotionKind.SUBCOMMITTEE,
                            new Effect.EstablishSubcommittee(8, "Tourism", null), tourism))
                    .expectException(refusal("effect.subcommittee", "established-once")).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.EC, MotionKind.SUBCOMMITTEE,
                            new Effect.EstablishSubcommittee(21, " ", null), null))
                    .expectException(refusal("effect.name", "name-and-field")).expectNoEvents();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {0, 1000})
        void refusesANumberOutsideOneTo999(int number) {
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.EC, MotionKind.SUBCOMMITTEE,
                            new Effect.EstablishSubcommittee(number, "Digital Government", null), null))
                    .expectException(refusal("effect.subcommittee", "subcommittee-number",
                            "Subcommittee Regulation Art. 2"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"CN-LIAONING", "VN-HO-CHI-MINH-CITY", "JP-NOWHERE"})
        void refusesCoordinatorsThatAreNotMembers(String party) {
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.EC, MotionKind.SUBCOMMITTEE,
                            new Effect.AppointCoordinators(8, List.of(new MemberId(party))), tourism))
                    .expectException(refusal("effect.coordinators", "members-only",
                            "Subcommittee Regulation Art. 5(1)"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAppointmentOfNoCoordinator() {
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.EC, MotionKind.SUBCOMMITTEE,
                            new Effect.AppointCoordinators(8, List.of()), tourism))
                    .expectException(refusal("effect.coordinators", "one-or-more",
                            "Subcommittee Regulation Art. 5(1)"))
                    .expectNoEvents();
        }

        @Test
        void refusesCoordinatorsOfNoSubcommitteeButTakesAMemberRestrictedForDues() {
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.EC, MotionKind.SUBCOMMITTEE,
                            new Effect.AppointCoordinators(21, List.of(ULSAN)), null))
                    .expectException(refusal("effect.subcommittee", "must-exist")).expectNoEvents();
            // a member restricted for dues is still a member
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.EC, MotionKind.SUBCOMMITTEE,
                            new Effect.AppointCoordinators(8, List.of(ULSAN, TYVA)), tourism))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesToRenewWhereNoOneCoordinates() {
            SubcommitteeFacts none = SubcommitteeFacts.fold(List.of(new org.charterledger.events.SubcommitteeEstablished(
                    21, "Digital Government", null, LocalDate.of(2021, 1, 1), null, null)));
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.EC, MotionKind.SUBCOMMITTEE, new Effect.RenewCoordinators(21), none))
                    .expectException(refusal("effect.subcommittee", "coordinator-appointed")).expectNoEvents();
        }
    }

    @Nested
    class Voting {

        @Test
        void aMemberOnTheRollVotes() {
            fixture.given(opened(Procedure.SITTING, 9, ELECT_ULSAN))
                    .when(new CastVote(M1, ULSAN, Choice.YES, DAY, DAYS))
                    .expectEvents(new VoteCast(M1, ULSAN, Choice.YES, DAY));
        }

        @Test
        void rejectsASecondVoteFromTheSameMember() {
            fixture.given(opened(Procedure.SITTING, 9, ELECT_ULSAN), new VoteCast(M1, ULSAN, Choice.YES, DAY))
                    .when(new CastVote(M1, ULSAN, Choice.NO, DAY, DAYS))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("member", "one-vote", "Charter Art. 9(1)"))
                    .expectNoEvents();
        }

        @Test
        void rejectsARestrictedMemberWithTheReason() {
            fixture.given(opened(Procedure.SITTING, 9, ELECT_ULSAN))
                    .when(new CastVote(M1, TYVA, Choice.YES, DAY, DAYS))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("member", "on-the-roll", "Charter Art. 9(1)"))
                    .expectExceptionMessage(containsString("restricted since 2018-05-01"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"CN-LIAONING", "VN-HO-CHI-MINH-CITY", "JP-NOWHERE"})
        void rejectsAnObserverAndAnAssociateAndAStranger(String party) {
            fixture.given(opened(Procedure.SITTING, 9, ELECT_ULSAN))
                    .when(new CastVote(M1, new MemberId(party), Choice.YES, DAY, DAYS))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("member", "on-the-roll", "Charter Art. 9(1)"))
                    .expectNoEvents();
        }

        /** The meeting of {@link #DAY}, 2021-08-10, and ballots cast before, just before and just after it. */
        @ParameterizedTest(name = "{0} on {1}")
        @CsvSource({
                "SITTING,        2000-01-01",
                "SITTING,        2021-08-09",
                "SITTING,        2021-08-11",
                "WRITTEN_BALLOT, 2000-01-01",
                "WRITTEN_BALLOT, 2021-08-09",
                "WRITTEN_BALLOT, 2021-08-11",
        })
        void rejectsAVoteOutsideTheMeetingsDays(Procedure procedure, LocalDate castOn) {
            fixture.given(opened(procedure, 9, ELECT_ULSAN))
                    .when(new CastVote(M1, ULSAN, Choice.YES, castOn, DAYS))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("castOn", "vote-within-meeting"))
                    .expectNoEvents();
        }

        @Test
        void aVoteOnAnyDayOfTheMeeting() {
            MeetingDays threeDays = new MeetingDays(DAY, DAY.plusDays(2));
            fixture.given(opened(Procedure.SITTING, 9, ELECT_ULSAN))
                    .when(new CastVote(M1, ULSAN, Choice.YES, DAY.plusDays(2), threeDays))
                    .expectEvents(new VoteCast(M1, ULSAN, Choice.YES, DAY.plusDays(2)));
        }

        @Test
        void aRoundOfBallotsIsRecordedTogether() {
            fixture.given(opened(Procedure.WRITTEN_BALLOT, 9, ELECT_ULSAN))
                    .when(new RecordBallots(M1, List.of(new Ballot(ULSAN, Choice.YES, DAY),
                            new Ballot(SAKHA, Choice.NO, DAY)), DAYS))
                    .expectEvents(new VoteCast(M1, ULSAN, Choice.YES, DAY), new VoteCast(M1, SAKHA, Choice.NO, DAY));
        }

        @Test
        void aRoundWithARefusedBallotRecordsNoneAndNamesEach() {
            fixture.given(opened(Procedure.WRITTEN_BALLOT, 9, ELECT_ULSAN))
                    .when(new RecordBallots(M1, List.of(new Ballot(ULSAN, Choice.YES, DAY),
                            new Ballot(TYVA, Choice.YES, DAY), new Ballot(ULSAN, Choice.NO, DAY)), DAYS))
                    .expectException(BallotsRefused.class)
                    .expectException(refusal("ballots[1].member", "on-the-roll", "Charter Art. 9(1)"))
                    .expectException(refusedBallots("1 RU-TYVA on-the-roll", "2 KR-ULSAN one-vote"))
                    .expectNoEvents();
        }

        @Test
        void aRoundRepeatingARecordedBallotIsAConflict() {
            fixture.given(opened(Procedure.WRITTEN_BALLOT, 9, ELECT_ULSAN), new VoteCast(M1, ULSAN, Choice.YES, DAY))
                    .when(new RecordBallots(M1, List.of(new Ballot(ULSAN, Choice.YES, DAY)), DAYS))
                    .expectException(refusedBallots("0 KR-ULSAN one-vote"))
                    .expectException(refusal("ballots[0].member", "one-vote", "Charter Art. 9(1)"))
                    .expectNoEvents();
        }

        @Test
        void rejectsARoundOnAClosedMotion() {
            fixture.given(opened(Procedure.WRITTEN_BALLOT, 9, null),
                            decided(List.of(), 0, 0, 0, Outcome.NO_QUORUM))
                    .when(new RecordBallots(M1, List.of(new Ballot(ULSAN, Choice.YES, DAY)), DAYS))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("motion", "motion-open"))
                    .expectNoEvents();
        }

        /** A round refused, each refused ballot as "index member rule"; 409 only when every one is a conflict. */
        private static Matcher<Throwable> refusedBallots(String... expected) {
            return new TypeSafeMatcher<>() {
                @Override
                protected boolean matchesSafely(Throwable thrown) {
                    return thrown instanceof BallotsRefused round
                            && round.refusals().stream().map(r -> r.index() + " " + r.member().value() + " "
                            + r.refusal().rule()).toList().equals(List.of(expected))
                            && (round.reason() == Rejection.Reason.CONFLICT) == round.refusals().stream()
                            .allMatch(r -> r.refusal().reason() == Rejection.Reason.CONFLICT);
                }

                @Override
                public void describeTo(Description description) {
                    description.appendText("a round of ballots refused as ").appendValue(List.of(expected));
                }
            };
        }

        @Test
        void rejectsAVoteOnAClosedMotion() {
            fixture.given(opened(Procedure.SITTING, 9, null), decided(List.of(), 0, 0, 0, Outcome.NO_QUORUM))
                    .when(new CastVote(M1, ULSAN, Choice.YES, DAY, DAYS))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("motion", "motion-open"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Closing {

        @Test
        void aWrittenBallotCountsItsReturnedBallotsAsPresentAndTakesEffect() {
            fixture.given(opened(Procedure.WRITTEN_BALLOT, 9, ELECT_ULSAN),
                            new VoteCast(M1, ULSAN, Choice.YES, DAY), new VoteCast(M1, SAKHA, Choice.YES, DAY))
                    .when(new CloseMotion(M1, Set.of(BUSAN), DAY, DAYS))
                    .expectEvents(decided(List.of(ULSAN, SAKHA), 2, 0, 0, Outcome.PASSED),
                            new NextHostElected(M1, GA13, ULSAN, DAY));
        }

        @Test
        void atASittingTheAttendanceCountsAndAPresentMemberNotVotingCountsAgainst() {
            fixture.given(opened(Procedure.SITTING, 9, ELECT_ULSAN), new VoteCast(M1, ULSAN, Choice.YES, DAY))
                    .when(new CloseMotion(M1, Set.of(BUSAN, ULSAN, LIAONING), DAY, DAYS))
                    .expectEvents(decided(List.of(BUSAN, ULSAN), 1, 0, 0, Outcome.FAILED));
        }

        @Test
        void withoutQuorumNothingTakesEffect() {
            fixture.given(opened(Procedure.SITTING, 9, ELECT_ULSAN), new VoteCast(M1, ULSAN, Choice.YES, DAY))
                    .when(new CloseMotion(M1, Set.of(), DAY, DAYS))
                    .expectEvents(decided(List.of(ULSAN), 1, 0, 0, Outcome.NO_QUORUM));
        }

        /** The day before the meeting of 2021-08-10, and a day long after it. */
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2021-08-09", "2024-06-01"})
        void refusesADecisionOutsideTheMeetingsDays(LocalDate decidedOn) {
            fixture.given(opened(Procedure.SITTING, 9, ELECT_ULSAN), new VoteCast(M1, ULSAN, Choice.YES, DAY))
                    .when(new CloseMotion(M1, Set.of(ULSAN), decidedOn, DAYS))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("decidedOn", "decision-within-meeting"))
                    .expectNoEvents();
        }

        @Test
        void refusesADecisionBeforeTheLastVote() {
            MeetingDays threeDays = new MeetingDays(DAY, DAY.plusDays(2));
            fixture.given(opened(Procedure.SITTING, 9, ELECT_ULSAN),
                            new VoteCast(M1, ULSAN, Choice.YES, DAY), new VoteCast(M1, SAKHA, Choice.YES, DAY.plusDays(1)))
                    .when(new CloseMotion(M1, Set.of(), DAY, threeDays))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("decidedOn", "decision-after-votes"))
                    .expectNoEvents();
            fixture.given(opened(Procedure.SITTING, 9, ELECT_ULSAN),
                            new VoteCast(M1, ULSAN, Choice.YES, DAY), new VoteCast(M1, SAKHA, Choice.YES, DAY.plusDays(1)))
                    .when(new CloseMotion(M1, Set.of(), DAY.plusDays(1), threeDays))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesToCloseTwice() {
            fixture.given(opened(Procedure.SITTING, 9, null), decided(List.of(), 0, 0, 0, Outcome.NO_QUORUM))
                    .when(new CloseMotion(M1, Set.of(), DAY, DAYS))
                    .expectException(MotionRefused.class)
                    .expectException(refusal("motion", "motion-open"))
                    .expectNoEvents();
        }
    }

    private static OpenMotion open(Body body, int item, Effect effect, boolean gaYear) {
        return new OpenMotion(M1, GA13, body, false, gaYear, DAY, MotionKind.ARTICLE_8, item, "a motion",
                Procedure.WRITTEN_BALLOT, effect, ROLL, null, Set.of());
    }

    private static MotionOpened opened(Procedure procedure, int item, Effect effect) {
        return new MotionOpened(M1, GA13, Body.GA, MotionKind.ARTICLE_8, item, item <= 5 ? "CATEGORY_A" : "CATEGORY_B",
                "a motion", procedure, effect, DAY, ROLL.entries(), ROLL.leftOff());
    }

    private static MotionDecided decided(List<MemberId> present, int yes, int no, int abstain, Outcome outcome) {
        Tally tally = DecisionRule.CATEGORY_B.tally(3, present.size(), yes, no, abstain);
        return new MotionDecided(M1, outcome, present, tally, DAY);
    }
}
