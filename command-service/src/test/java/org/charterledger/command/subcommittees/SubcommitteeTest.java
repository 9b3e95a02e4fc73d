package org.charterledger.command.subcommittees;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.charterledger.command.subcommittees.SubcommitteeCommands.AbolishSubcommittee;
import org.charterledger.command.subcommittees.SubcommitteeCommands.AppointCoordinator;
import org.charterledger.command.subcommittees.SubcommitteeCommands.EstablishSubcommittee;
import org.charterledger.command.subcommittees.SubcommitteeCommands.RecordSubcommitteeActivity;
import org.charterledger.command.subcommittees.SubcommitteeCommands.RenewCoordinator;
import org.charterledger.command.subcommittees.SubcommitteeCommands.ReplaceCoordinator;
import org.charterledger.events.CoordinatorAppointed;
import org.charterledger.events.CoordinatorReplaced;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.SubcommitteeAbolished;
import org.charterledger.events.SubcommitteeActivityRecorded;
import org.charterledger.events.SubcommitteeEstablished;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.charterledger.command.Refusals.refusal;
import static org.hamcrest.Matchers.containsString;

class SubcommitteeTest {

    private static final String TOURISM = SubcommitteeCommands.streamOf(8);
    private static final MemberId HENAN = new MemberId("CN-HENAN");
    private static final MemberId NINGXIA = new MemberId("CN-NINGXIA");
    private static final MemberId ULSAN = new MemberId("KR-ULSAN");
    private static final LocalDate START = LocalDate.of(2021, 1, 1);
    private static final SubcommitteeEstablished ESTABLISHED =
            new SubcommitteeEstablished(8, "Tourism", "Tourism", LocalDate.of(2008, 1, 1), null, null);
    private static final CoordinatorAppointed CO_COORDINATORS =
            new CoordinatorAppointed(8, List.of(HENAN, NINGXIA), START, LocalDate.of(2023, 1, 1), false, null,
                    null);
    private static final MotionId EC_MOTION = new MotionId("EC2023-M4");

    private FixtureConfiguration<Subcommittee> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subcommittee.class);
    }

    @Test
    void isEstablishedOnce() {
        fixture.givenNoPriorActivity()
                .when(new EstablishSubcommittee(TOURISM, 8, "Tourism", "Tourism", LocalDate.of(2008, 1, 1), null))
                .expectEvents(ESTABLISHED);
        fixture.given(ESTABLISHED)
                .when(new EstablishSubcommittee(TOURISM, 8, "Tourism", "Tourism", LocalDate.of(2008, 1, 1), null))
                .expectException(SubcommitteeRefused.class)
                .expectException(refusal("number", "established-once"))
                .expectNoEvents();
    }

    @Test
    void aDecidedEstablishmentAndAppointmentCiteTheirMotion() {
        MotionId establishing = new MotionId("EC2024-M2");
        fixture.givenNoPriorActivity()
                .when(new EstablishSubcommittee(TOURISM, 8, "Tourism", "Tourism", LocalDate.of(2024, 3, 1), establishing))
                .expectEvents(new SubcommitteeEstablished(8, "Tourism", "Tourism", LocalDate.of(2024, 3, 1),
                        establishing, null));
        fixture.given(ESTABLISHED)
                .when(new AppointCoordinator(TOURISM, List.of(HENAN), START, EC_MOTION, Map.of(HENAN, PartyCategory.MEMBER)))
                .expectEvents(new CoordinatorAppointed(8, List.of(HENAN), START, LocalDate.of(2023, 1, 1), false,
                        EC_MOTION, null));
    }

    @Test
    void coCoordinatorsAreAppointedForTwoYears() {
        fixture.given(ESTABLISHED)
                .when(new AppointCoordinator(TOURISM, List.of(HENAN, NINGXIA), START, null,
                        Map.of(HENAN, PartyCategory.MEMBER, NINGXIA, PartyCategory.MEMBER)))
                .expectEvents(CO_COORDINATORS);
    }

    /** The party's category on the start of the term, as the motion's roll gives it; none when it was no party. */
    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(nullValues = "none", value = {
            "VN-HO-CHI-MINH-CITY, ASSOCIATE, but an associate",
            "JP-MIYAGI,           OBSERVER,  but an observer",
            "JP-FUKUI,            none,      not a party then",
    })
    void onlyMembersCoordinate(String party, PartyCategory category, String why) {
        MemberId coordinator = new MemberId(party);
        fixture.given(ESTABLISHED)
                .when(new AppointCoordinator(TOURISM, List.of(coordinator), START, null,
                        category == null ? Map.of() : Map.of(coordinator, category)))
                .expectException(SubcommitteeRefused.class)
                .expectException(refusal("effect.coordinators", "members-only", "Subcommittee Regulation Art. 5(1)"))
                .expectExceptionMessage(containsString(why))
                .expectNoEvents();
    }

    @Test
    void aRenewalStartsTheNextTermWhereTheCurrentEnds() {
        fixture.given(ESTABLISHED, CO_COORDINATORS)
                .when(new RenewCoordinator(TOURISM, EC_MOTION))
                .expectEvents(new CoordinatorAppointed(8, List.of(HENAN, NINGXIA), LocalDate.of(2023, 1, 1),
                        LocalDate.of(2025, 1, 1), true, EC_MOTION, null));
        fixture.given(ESTABLISHED)
                .when(new RenewCoordinator(TOURISM, EC_MOTION))
                .expectException(SubcommitteeRefused.class)
                .expectException(refusal("coordinators", "coordinator-appointed"))
                .expectNoEvents();
    }

    @Test
    void recordsActivitiesThatEndAfterTheyStart() {
        fixture.given(ESTABLISHED, CO_COORDINATORS)
                .when(new RecordSubcommitteeActivity(TOURISM, 3, LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 2),
                        HENAN, "online"))
                .expectEvents(new SubcommitteeActivityRecorded(8, 3, LocalDate.of(2021, 9, 1),
                        LocalDate.of(2021, 9, 2), HENAN, "online"));
        fixture.given(ESTABLISHED, CO_COORDINATORS)
                .when(new RecordSubcommitteeActivity(TOURISM, 3, LocalDate.of(2021, 9, 2), LocalDate.of(2021, 9, 1),
                        HENAN, "online"))
                .expectException(SubcommitteeRefused.class)
                .expectException(refusal("lastDay", "last-day-after-first"))
                .expectNoEvents();
    }

    @Test
    void anInactiveCoordinatorIsReplacedExactlyTwoYearsAfterItsLastActivity() {
        SubcommitteeActivityRecorded last = new SubcommitteeActivityRecorded(8, 2, LocalDate.of(2021, 5, 20),
                LocalDate.of(2021, 5, 20), NINGXIA, "online");
        fixture.given(ESTABLISHED, CO_COORDINATORS, last)
                .when(new ReplaceCoordinator(TOURISM, NINGXIA, ULSAN, LocalDate.of(2023, 5, 19), EC_MOTION))
                .expectException(SubcommitteeRefused.class)
                .expectException(refusal("effect.outgoing", "inactive-two-years", "Subcommittee Regulation Art. 5(7)"))
                .expectNoEvents();
        fixture.given(ESTABLISHED, CO_COORDINATORS, last)
                .when(new ReplaceCoordinator(TOURISM, NINGXIA, ULSAN, LocalDate.of(2023, 5, 20), EC_MOTION))
                .expectEvents(new CoordinatorReplaced(8, NINGXIA, ULSAN, LocalDate.of(2023, 5, 20),
                        LocalDate.of(2025, 5, 20), EC_MOTION));
    }

    @Test
    void onlyASittingCoordinatorIsReplaced() {
        fixture.given(ESTABLISHED, CO_COORDINATORS)
                .when(new ReplaceCoordinator(TOURISM, ULSAN, HENAN, LocalDate.of(2024, 1, 1), EC_MOTION))
                .expectException(SubcommitteeRefused.class)
                .expectException(refusal("effect.outgoing", "sitting-coordinator"))
                .expectNoEvents();
    }

    @Test
    void anAbolishedSubcommitteeChangesNoMore() {
        SubcommitteeAbolished abolished = new SubcommitteeAbolished(8, LocalDate.of(2022, 1, 1), null, "EC 2021");
        fixture.given(ESTABLISHED)
                .when(new AbolishSubcommittee(TOURISM, LocalDate.of(2022, 1, 1), "EC 2021"))
                .expectEvents(abolished);
        fixture.given(ESTABLISHED, abolished)
                .when(new AbolishSubcommittee(TOURISM, LocalDate.of(2022, 2, 1), "EC 2021"))
                .expectException(SubcommitteeRefused.class)
                .expectException(refusal("number", "not-abolished"))
                .expectNoEvents();
        fixture.given(ESTABLISHED, CO_COORDINATORS, abolished)
                .when(new RenewCoordinator(TOURISM, EC_MOTION))
                .expectException(SubcommitteeRefused.class)
                .expectException(refusal("number", "not-abolished"))
                .expectNoEvents();
    }

    /** A decision cited by its motion's id is recorded as that motion; one cited in words keeps its words. */
    @Test
    void anAbolitionCitingAMotionNamesIt() {
        fixture.given(ESTABLISHED)
                .when(new AbolishSubcommittee(TOURISM, LocalDate.of(2022, 1, 1), "EC2021-M4"))
                .expectEvents(new SubcommitteeAbolished(8, LocalDate.of(2022, 1, 1), new MotionId("EC2021-M4"), null));
    }
}
