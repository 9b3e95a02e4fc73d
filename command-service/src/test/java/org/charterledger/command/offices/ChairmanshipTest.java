package org.charterledger.command.offices;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.charterledger.command.offices.ChairCommands.BeginChairTerm;
import org.charterledger.command.offices.ChairCommands.DesignateActingChair;
import org.charterledger.command.offices.ChairCommands.EndActingChair;
import org.charterledger.command.offices.ChairCommands.EndChairTerm;
import org.charterledger.command.offices.ChairCommands.RecordChairOnOpeningBalance;
import org.charterledger.events.ActingChairDesignated;
import org.charterledger.events.ActingChairEnded;
import org.charterledger.events.ChairTermBegan;
import org.charterledger.events.ChairTermEnded;
import org.charterledger.events.MeetingId;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.charterledger.command.Refusals.refusal;

class ChairmanshipTest {

    private static final String CHAIR = Chairmanship.ID;
    private static final MemberId SAKHA = new MemberId("RU-SAKHA");
    private static final MemberId ULSAN = new MemberId("KR-ULSAN");
    private static final MeetingId GA13 = new MeetingId("GA13");
    private static final MotionId M1 = new MotionId("GA13-M1");
    private static final LocalDate OPENING = LocalDate.of(2021, 1, 1);
    private static final LocalDate GA13_DAY = LocalDate.of(2021, 8, 10);
    private static final ChairTermBegan SAKHA_13 = new ChairTermBegan(13, SAKHA, OPENING, null, null);

    private FixtureConfiguration<Chairmanship> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Chairmanship.class);
    }

    @Test
    void recordsTheChairOnTheOpeningBalanceOnce() {
        fixture.givenNoPriorActivity()
                .when(new RecordChairOnOpeningBalance(CHAIR, 13, SAKHA, OPENING))
                .expectEvents(SAKHA_13);
        fixture.given(SAKHA_13)
                .when(new RecordChairOnOpeningBalance(CHAIR, 13, SAKHA, OPENING))
                .expectException(ChairRefused.class)
                .expectException(refusal("ordinal", "opening-balance-once", "Charter Art. 7(1)"))
                .expectNoEvents();
    }

    @Test
    void theTermEndsWhenTheAssemblyTheChairHostsCloses() {
        fixture.given(SAKHA_13)
                .when(new EndChairTerm(CHAIR, 13, GA13_DAY, GA13))
                .expectEvents(new ChairTermEnded(13, SAKHA, GA13_DAY, GA13));
    }

    @Test
    void anotherAssemblyClosingChangesNothing() {
        fixture.given(SAKHA_13)
                .when(new EndChairTerm(CHAIR, 12, GA13_DAY, new MeetingId("GA12")))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void theElectedHostBeginsItsTermOnceTheSittingOneHasEnded() {
        fixture.given(SAKHA_13, new ChairTermEnded(13, SAKHA, GA13_DAY, GA13))
                .when(new BeginChairTerm(CHAIR, 14, ULSAN, GA13_DAY, M1, GA13))
                .expectEvents(new ChairTermBegan(14, ULSAN, GA13_DAY, M1, GA13));
        fixture.given(SAKHA_13)
                .when(new BeginChairTerm(CHAIR, 14, ULSAN, GA13_DAY, M1, GA13))
                .expectException(ChairRefused.class)
                .expectException(refusal("ordinal", "one-chair-at-a-time", "Charter Art. 7(1)"))
                .expectNoEvents();
    }

    @Test
    void aDeputyActsWithoutChangingTheHolder() {
        fixture.given(SAKHA_13)
                .when(new DesignateActingChair(CHAIR, "First Deputy Chairman", LocalDate.of(2021, 3, 1), "illness"))
                .expectEvents(new ActingChairDesignated(13, SAKHA, "First Deputy Chairman", LocalDate.of(2021, 3, 1),
                        "illness"));
    }

    @Test
    void refusesASecondActingChairAndAnActingChairBeforeTheTerm() {
        ActingChairDesignated acting = new ActingChairDesignated(13, SAKHA, "Deputy", LocalDate.of(2021, 3, 1), "x");
        fixture.given(SAKHA_13, acting)
                .when(new DesignateActingChair(CHAIR, "Other", LocalDate.of(2021, 4, 1), "y"))
                .expectException(ChairRefused.class)
                .expectException(refusal("deputy", "one-acting-chair", "Charter Art. 7(1)"))
                .expectNoEvents();
        fixture.given(SAKHA_13)
                .when(new DesignateActingChair(CHAIR, "Deputy", LocalDate.of(2020, 4, 1), "y"))
                .expectException(ChairRefused.class)
                .expectException(refusal("from", "within-the-term", "Charter Art. 7(1)"))
                .expectNoEvents();
    }

    @Test
    void endsAnActingPeriodAndRefusesToEndNone() {
        fixture.given(SAKHA_13, new ActingChairDesignated(13, SAKHA, "Deputy", LocalDate.of(2021, 3, 1), "x"))
                .when(new EndActingChair(CHAIR, LocalDate.of(2021, 5, 1)))
                .expectEvents(new ActingChairEnded(13, LocalDate.of(2021, 5, 1)));
        fixture.given(SAKHA_13)
                .when(new EndActingChair(CHAIR, LocalDate.of(2021, 5, 1)))
                .expectException(ChairRefused.class)
                .expectException(refusal("on", "acting-chair-designated", "Charter Art. 7(1)"))
                .expectNoEvents();
    }

    @Test
    void anActingPeriodEndsWithTheTerm() {
        fixture.given(SAKHA_13, new ActingChairDesignated(13, SAKHA, "Deputy", LocalDate.of(2021, 3, 1), "x"))
                .when(new EndChairTerm(CHAIR, 13, GA13_DAY, GA13))
                .expectEvents(new ActingChairEnded(13, GA13_DAY), new ChairTermEnded(13, SAKHA, GA13_DAY, GA13));
    }

    @Test
    void refusesAnActingChairWithoutAChair() {
        fixture.given(SAKHA_13, new ChairTermEnded(13, SAKHA, GA13_DAY, GA13))
                .when(new DesignateActingChair(CHAIR, "Deputy", LocalDate.of(2021, 9, 1), "x"))
                .expectException(ChairRefused.class)
                .expectException(refusal("deputy", "chair-in-office", "Charter Art. 7(1)"))
                .expectNoEvents();
    }
}
