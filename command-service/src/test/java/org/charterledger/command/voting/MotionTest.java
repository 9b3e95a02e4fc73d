package org.charterledger.command.voting;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.charterledger.charter.DecisionRule;
import org.charterledger.charter.MeetingDays;
import org.charterledger.charter.SubcommitteeFacts;
import org.charterledger.charter.VoterRoll;
import org.charterledger.command.voting.MotionCommands.CastVote;
import org.charterledger.command.voting.MotionCommands.CloseMotion;
import org.charterledger.command.voting.MotionCommands.OpenMotion;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

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
                    .expectException(MotionRefused.class).expectNoEvents();
        }

        @Test
        void refusesAMotionAtAClosedMeeting() {
            fixture.givenNoPriorActivity()
                    .when(new OpenMotion(M1, GA13, Body.GA, true, true, DAY, MotionKind.ARTICLE_8, 9, "x",
                            Procedure.SITTING, null, ROLL, null, Set.of()))
                    .expectException(MotionRefused.class).expectNoEvents();
        }

        @Test
        void refusesAnExecutiveCommitteeMotionOutsideArticle9Dash2() {
            fixture.givenNoPriorActivity()
                    .when(open(Body.EC, 9, null, false))
                    .expectException(MotionRefused.class)
                    .expectExceptionMessage(containsString("only items 1, 7 and 8"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnExecutiveCommitteeMotionInAGeneralAssemblyYear() {
            fixture.givenNoPriorActivity()
                    .when(open(Body.EC, 7, null, true))
                    .expectException(MotionRefused.class)
                    .expectExceptionMessage(containsString("no General Assembly is held"))
                    .expectNoEvents();
        }

        @Test
        void refusesACoordinatorsReplacementPutToTheGeneralAssembly() {
            fixture.givenNoPriorActivity()
                    .when(new OpenMotion(M1, GA13, Body.GA, false, true, DAY, MotionKind.COORDINATOR_REPLACEMENT, null,
                            "x", Procedure.SITTING, null, ROLL, null, Set.of()))
                    .expectException(MotionRefused.class).expectNoEvents();
        }

        @Test
        void refusesAnEffectOfAnotherItem() {
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 7, ELECT_ULSAN, false))
                    .expectException(MotionRefused.class).expectNoEvents();
        }

        @Test
        void refusesToElectAHostWithoutElectoralRights() {
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 9, new Effect.ElectNextHost(TYVA), false))
                    .expectException(MotionRefused.class)
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
                    .expectException(MotionRefused.class).expectNoEvents();
        }

        @Test
        void refusesToAdmitAMemberFromOutsideTheSixCountries() {
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 1, new Effect.Admit(new MemberId("TH-BANGKOK"), CountryCode.of("TH"), "Bangkok",
                            PartyCategory.MEMBER), false))
                    .expectException(MotionRefused.class).expectNoEvents();
        }

        @Test
        void refusesToExpelAnObserverOrAStranger() {
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 1, new Effect.Expel(LIAONING), false))
                    .expectException(MotionRefused.class).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 1, new Effect.Expel(new MemberId("JP-NOWHERE")), false))
                    .expectException(MotionRefused.class).expectNoEvents();
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
                    .expectExceptionMessage(containsString("already has an auditor from KR")).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 6, new Effect.ElectAuditor(TYVA), false))
                    .expectException(MotionRefused.class).expectNoEvents();
        }

        @Test
        void refusesADuesRateOfZero() {
            fixture.givenNoPriorActivity()
                    .when(open(Body.GA, 2, new Effect.ChangeDuesRate(Money.of("0", "USD"), FiscalYear.of(2024)), false))
                    .expectException(MotionRefused.class).expectNoEvents();
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
                    .expectExceptionMessage(containsString("less than two years"))
                    .expectNoEvents();
        }

        @Test
        void notASittingCoordinatorNorByANonMemberNorAnotherKindOfMotion() {
            fixture.givenNoPriorActivity()
                    .when(replace(ULSAN, TYVA, LocalDate.of(2021, 6, 30), tourism))
                    .expectException(MotionRefused.class).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(replace(SAKHA, LIAONING, LocalDate.of(2021, 6, 30), tourism))
                    .expectException(MotionRefused.class).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(replace(SAKHA, ULSAN, LocalDate.of(2021, 6, 30), null))
                    .expectException(MotionRefused.class).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new OpenMotion(M1, GA13, Body.EC, false, false, DAY, MotionKind.ARTICLE_8, 7, "x",
                            Procedure.SITTING, new Effect.ReplaceCoordinator(8, SAKHA, ULSAN), ROLL, tourism, Set.of()))
                    .expectException(MotionRefused.class).expectNoEvents();
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
                    .expectException(rule("kind", "subcommittee-by-ec")).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.EC, MotionKind.ARTICLE_8, establish, null))
                    .expectException(rule("kind", "subcommittee-motion")).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.EC, MotionKind.COORDINATOR_REPLACEMENT, establish, null))
                    .expectException(rule("kind", "subcommittee-motion")).expectNoEvents();
        }

        @Test
        void refusesToEstablishTwiceOrWithoutAName() {
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.EC, MotionKind.SUBCOMMITTEE,
                            new Effect.EstablishSubcommittee(8, "Tourism", null), tourism))
                    .expectException(rule("effect.subcommittee", "established-once")).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.EC, MotionKind.SUBCOMMITTEE,
                            new Effect.EstablishSubcommittee(21, " ", null), null))
                    .expectException(rule("effect.name", "name-and-field")).expectNoEvents();
        }

        @Test
        void refusesCoordinatorsThatAreNotMembersOrOfNoSubcommittee() {
            for (MemberId party : List.of(LIAONING, HCMC, new MemberId("JP-NOWHERE"))) {
                fixture.givenNoPriorActivity()
                        .when(subcommitteeMotion(Body.EC, MotionKind.SUBCOMMITTEE,
                                new Effect.AppointCoordinators(8, List.of(party)), tourism))
                        .expectException(rule("effect.coordinators", "members-only")).expectNoEvents();
            }
            fixture.givenNoPriorActivity()
                    .when(subcommitteeMotion(Body.EC, MotionKind.SUBCOMMITTEE,
                            new Effect.AppointCoordinators(21, List.of(ULSAN)), null))
                    .expectException(rule("effect.subcommittee", "must-exist")).expectNoEvents();
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
                    .expectException(rule("effect.subcommittee", "coordinator-appointed")).expectNoEvents();
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
                    .expectException(MotionRefused.class).expectNoEvents();
        }

        @Test
        void rejectsARestrictedMemberWithTheReason() {
            fixture.given(opened(Procedure.SITTING, 9, ELECT_ULSAN))
                    .when(new CastVote(M1, TYVA, Choice.YES, DAY, DAYS))
                    .expectException(MotionRefused.class)
                    .expectExceptionMessage(containsString("restricted since 2018-05-01"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAnObserverAndAnAssociateAndAStranger() {
            for (MemberId party : List.of(LIAONING, HCMC, new MemberId("JP-NOWHERE"))) {
                fixture.given(opened(Procedure.SITTING, 9, ELECT_ULSAN))
                        .when(new CastVote(M1, party, Choice.YES, DAY, DAYS))
                        .expectException(MotionRefused.class).expectNoEvents();
            }
        }

        @Test
        void rejectsAVoteOutsideTheMeetingsDays() {
            for (Procedure procedure : Procedure.values()) {
                for (LocalDate castOn : List.of(LocalDate.of(2000, 1, 1), DAY.minusDays(1), DAY.plusDays(1))) {
                    fixture.given(opened(procedure, 9, ELECT_ULSAN))
                            .when(new CastVote(M1, ULSAN, Choice.YES, castOn, DAYS))
                            .expectException(MotionRefused.class)
                            .expectException(rule("castOn", "vote-within-meeting"))
                            .expectNoEvents();
                }
            }
        }

        @Test
        void aVoteOnAnyDayOfTheMeeting() {
            MeetingDays threeDays = new MeetingDays(DAY, DAY.plusDays(2));
            fixture.given(opened(Procedure.SITTING, 9, ELECT_ULSAN))
                    .when(new CastVote(M1, ULSAN, Choice.YES, DAY.plusDays(2), threeDays))
                    .expectEvents(new VoteCast(M1, ULSAN, Choice.YES, DAY.plusDays(2)));
        }

        @Test
        void rejectsAVoteOnAClosedMotion() {
            fixture.given(opened(Procedure.SITTING, 9, null), decided(List.of(), 0, 0, 0, Outcome.NO_QUORUM))
                    .when(new CastVote(M1, ULSAN, Choice.YES, DAY, DAYS))
                    .expectException(MotionRefused.class).expectNoEvents();
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

        @Test
        void refusesADecisionOutsideTheMeetingsDays() {
            for (LocalDate decidedOn : List.of(DAY.minusDays(1), LocalDate.of(2024, 6, 1))) {
                fixture.given(opened(Procedure.SITTING, 9, ELECT_ULSAN), new VoteCast(M1, ULSAN, Choice.YES, DAY))
                        .when(new CloseMotion(M1, Set.of(ULSAN), decidedOn, DAYS))
                        .expectException(MotionRefused.class)
                        .expectException(rule("decidedOn", "decision-within-meeting"))
                        .expectNoEvents();
            }
        }

        @Test
        void refusesADecisionBeforeTheLastVote() {
            MeetingDays threeDays = new MeetingDays(DAY, DAY.plusDays(2));
            fixture.given(opened(Procedure.SITTING, 9, ELECT_ULSAN),
                            new VoteCast(M1, ULSAN, Choice.YES, DAY), new VoteCast(M1, SAKHA, Choice.YES, DAY.plusDays(1)))
                    .when(new CloseMotion(M1, Set.of(), DAY, threeDays))
                    .expectException(rule("decidedOn", "decision-after-votes"))
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
                    .expectException(MotionRefused.class).expectNoEvents();
        }
    }

    /** The refusal names the field and the rule that refused. */
    private static Matcher<Throwable> rule(String field, String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable refusal) {
                return refusal instanceof MotionRefused refused && field.equals(refused.field())
                        && rule.equals(refused.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal of " + field + " by the rule " + rule);
            }
        };
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
