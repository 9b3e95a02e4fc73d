package org.charterledger.command.membership;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberId;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.DuesPaid;
import org.charterledger.events.DuesRateChanged;
import org.charterledger.events.MemberExpelled;
import org.charterledger.events.MotionId;
import org.charterledger.events.DuesPaymentReversed;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.MemberWithdrew;
import org.charterledger.events.Money;
import org.charterledger.events.PaymentId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.charterledger.command.Refusals.refusal;
import static org.charterledger.events.PartyCategory.ASSOCIATE;
import static org.hamcrest.Matchers.containsString;
import static org.charterledger.events.PartyCategory.MEMBER;
import static org.charterledger.events.PartyCategory.OBSERVER;

class MemberTest {

    private static final LocalDate OPENING = LocalDate.of(2021, 1, 1);
    private static final MemberId TYVA = new MemberId("RU-TYVA");
    private static final PaymentId PAYMENT = new PaymentId("0f8c7e2a-5a43-4d0e-9d55-3c1b7f6a9e21");
    private static final Money USD_1000 = Money.of("1000", "USD");
    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
    }

    @Test
    void admitsAMemberOnTheOpeningBalance() {
        fixture.givenNoPriorActivity()
                .when(admit("KR-ULSAN", "KR", MEMBER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(admitted("KR-ULSAN", "KR", MEMBER));
    }

    @Test
    void admitsAnAssociateFromElsewhereInAsia() {
        fixture.givenNoPriorActivity()
                .when(admit("VN-HO-CHI-MINH-CITY", "VN", ASSOCIATE))
                .expectEvents(admitted("VN-HO-CHI-MINH-CITY", "VN", ASSOCIATE));
    }

    @Test
    void admitsAnObserverFromAnyCountry() {
        fixture.givenNoPriorActivity()
                .when(admit("RU-NOVOSIBIRSK", "RU", OBSERVER))
                .expectEvents(admitted("RU-NOVOSIBIRSK", "RU", OBSERVER));
    }

    @Test
    void refusesToAdmitTheSameIdTwice() {
        fixture.given(admitted("KR-ULSAN", "KR", MEMBER))
                .when(admit("KR-ULSAN", "KR", MEMBER))
                .expectException(AlreadyAdmitted.class)
                .expectException(refusal("id", "admitted-once"))
                .expectNoEvents();
    }

    @Test
    void refusesAnObserverIdAdmittedAgainAsAnObserver() {
        fixture.given(admitted("JP-MIYAGI", "JP", OBSERVER))
                .when(admit("JP-MIYAGI", "JP", OBSERVER))
                .expectException(AlreadyAdmitted.class)
                .expectException(refusal("id", "admitted-once"))
                .expectNoEvents();
    }

    @Test
    void refusesAMemberFromOutsideTheSixCountries() {
        fixture.givenNoPriorActivity()
                .when(admit("VN-HO-CHI-MINH-CITY", "VN", MEMBER))
                .expectException(AdmissionRefused.class)
                .expectException(refusal("category", "member-country", "Charter Art. 4"))
                .expectExceptionMessage(containsString("VN is none of these"))
                .expectNoEvents();
    }

    @Test
    void refusesAnAssociateFromAMemberCountry() {
        fixture.givenNoPriorActivity()
                .when(admit("KR-ULSAN", "KR", ASSOCIATE))
                .expectException(AdmissionRefused.class)
                .expectException(refusal("category", "associate-country", "Charter Art. 4-2"))
                .expectNoEvents();
    }

    @Test
    void refusesAnIdLedByAnotherCountry() {
        fixture.givenNoPriorActivity()
                .when(admit("KR-ULSAN", "JP", MEMBER))
                .expectException(AdmissionRefused.class)
                .expectException(refusal("country", "id-country"))
                .expectExceptionMessage("the id KR-ULSAN must start with the country code JP")
                .expectNoEvents();
    }

    @Nested
    class Dues {

        /** On the opening balance of 1 June 2015, so assessed from 2015. */
        private final MemberAdmitted admitted2015 = new MemberAdmitted(TYVA, CountryCode.of("RU"), "Tyva Republic",
                null, MEMBER, LocalDate.of(2015, 6, 1), AdmissionBasis.OPENING_BALANCE, null);

        @Test
        void recordsAPaymentInWonWithTheValueCreditedInDollars() {
            fixture.given(admitted2015)
                    .when(pay(2016, Money.of("1320000", "KRW"), USD_1000, "2016-03-01"))
                    .expectEvents(paid(2016, Money.of("1320000", "KRW"), USD_1000, "2016-03-01"));
        }

        @Test
        void recordsAPartPaymentAsItIs() {
            fixture.given(admitted2015)
                    .when(pay(2016, Money.of("400", "USD"), Money.of("400", "USD"), "2016-03-01"))
                    .expectEvents(paid(2016, Money.of("400", "USD"), Money.of("400", "USD"), "2016-03-01"));
        }

        @Test
        void refusesAYearBeforeTheMemberWasAssessed() {
            fixture.given(admitted2015)
                    .when(pay(2014, USD_1000, USD_1000, "2015-09-01"))
                    .expectException(DuesRefused.class)
                    .expectException(refusal("fiscalYear", "year-not-assessed", "Dues Regulation Art. 5(2)"))
                    .expectExceptionMessage(containsString("owes no dues for 2014"))
                    .expectNoEvents();
        }

        @Test
        void refusesDuesFromAnObserver() {
            fixture.given(admitted("JP-MIYAGI", "JP", OBSERVER))
                    .when(new PayDues(new MemberId("JP-MIYAGI"), PAYMENT, FiscalYear.of(2022), USD_1000, USD_1000,
                            LocalDate.of(2022, 3, 1), null))
                    .expectException(DuesRefused.class)
                    .expectException(refusal("fiscalYear", "year-not-assessed", "Dues Regulation Art. 5(2)"))
                    .expectNoEvents();
        }

        @Test
        void refusesDuesFromAnAssociate() {
            fixture.given(admitted("VN-HO-CHI-MINH-CITY", "VN", ASSOCIATE))
                    .when(new PayDues(new MemberId("VN-HO-CHI-MINH-CITY"), PAYMENT, FiscalYear.of(2022), USD_1000,
                            USD_1000, LocalDate.of(2022, 3, 1), null))
                    .expectException(DuesRefused.class)
                    .expectException(refusal("fiscalYear", "year-not-assessed", "Dues Regulation Art. 5(2)"))
                    .expectNoEvents();
        }

        @Test
        void refusesAYearAfterTheMemberLeft() {
            fixture.given(admitted2015, new MemberWithdrew(TYVA, LocalDate.of(2019, 3, 1), "letter"))
                    .when(pay(2020, USD_1000, USD_1000, "2020-03-01"))
                    .expectException(DuesRefused.class)
                    .expectException(refusal("fiscalYear", "year-not-assessed", "Dues Regulation Art. 5(2)"))
                    .expectNoEvents();
        }

        @Test
        void acceptsArrearsPaidAfterTheMemberLeft() {
            fixture.given(admitted2015, new MemberWithdrew(TYVA, LocalDate.of(2019, 3, 1), "letter"))
                    .when(pay(2018, USD_1000, USD_1000, "2019-06-01"))
                    .expectEvents(paid(2018, USD_1000, USD_1000, "2019-06-01"));
        }

        @Test
        void refusesAPaymentDatedBeforeTheAdmission() {
            fixture.given(admitted2015)
                    .when(pay(2016, USD_1000, USD_1000, "2015-05-31"))
                    .expectException(DuesRefused.class)
                    .expectException(refusal("paidOn", "paid-before-admission"))
                    .expectNoEvents();
        }

        @Test
        void refusesAValueCreditedInAnotherCurrencyThanTheDues() {
            fixture.given(admitted2015)
                    .when(pay(2016, Money.of("1320000", "KRW"), Money.of("1320000", "KRW"), "2016-03-01"))
                    .expectException(DuesRefused.class)
                    .expectException(refusal("credited", "credited-in-dues-currency", "Dues Regulation Art. 5(1)"))
                    .expectExceptionMessage(containsString("must be in USD"))
                    .expectNoEvents();
        }

        @Test
        void refusesTheSamePaymentTwice() {
            fixture.given(admitted2015, paid(2016, USD_1000, USD_1000, "2016-03-01"))
                    .when(pay(2017, USD_1000, USD_1000, "2017-03-01"))
                    .expectException(DuesRefused.class)
                    .expectException(refusal("payment", "payment-recorded-once"))
                    .expectNoEvents();
        }

        @Test
        void refusesDuesOfAnUnknownMember() {
            fixture.givenNoPriorActivity()
                    .when(pay(2016, USD_1000, USD_1000, "2016-03-01"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void reversesAPayment() {
            fixture.given(admitted2015, paid(2016, USD_1000, USD_1000, "2016-03-01"))
                    .when(new ReverseDuesPayment(TYVA, PAYMENT, LocalDate.of(2016, 3, 9), "bounced"))
                    .expectEvents(new DuesPaymentReversed(TYVA, PAYMENT, LocalDate.of(2016, 3, 9), "bounced"));
        }

        @Test
        void refusesToReverseAnUnknownPayment() {
            fixture.given(admitted2015)
                    .when(new ReverseDuesPayment(TYVA, PAYMENT, LocalDate.of(2016, 3, 9), "bounced"))
                    .expectException(DuesRefused.class)
                    .expectException(refusal("paymentId", "must-exist"))
                    .expectNoEvents();
        }

        @Test
        void refusesToReverseAPaymentTwice() {
            fixture.given(admitted2015, paid(2016, USD_1000, USD_1000, "2016-03-01"),
                            new DuesPaymentReversed(TYVA, PAYMENT, LocalDate.of(2016, 3, 9), "bounced"))
                    .when(new ReverseDuesPayment(TYVA, PAYMENT, LocalDate.of(2016, 3, 10), "again"))
                    .expectException(DuesRefused.class)
                    .expectException(refusal("paymentId", "reversed-once"))
                    .expectExceptionMessage(containsString("already reversed"))
                    .expectNoEvents();
        }

        @Test
        void refusesAReversalBeforeThePayment() {
            fixture.given(admitted2015, paid(2016, USD_1000, USD_1000, "2016-03-01"))
                    .when(new ReverseDuesPayment(TYVA, PAYMENT, LocalDate.of(2016, 2, 1), "bounced"))
                    .expectException(DuesRefused.class)
                    .expectException(refusal("reversedOn", "reversal-after-payment"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ByDecision {

        private final MotionId m2 = new MotionId("GA13-M2");
        private final MemberId liaoning = new MemberId("CN-LIAONING");
        private final LocalDate ga13 = LocalDate.of(2021, 8, 10);

        @Test
        void anObserverAdmittedAsAMemberKeepsItsIdAndHistory() {
            fixture.given(admitted("CN-LIAONING", "CN", OBSERVER))
                    .when(new AdmitMember(liaoning, CountryCode.of("CN"), "Liaoning Province", null, MEMBER, ga13,
                            AdmissionBasis.DECISION, m2))
                    .expectEvents(new MemberAdmitted(liaoning, CountryCode.of("CN"), "Liaoning Province", null, MEMBER,
                            ga13, AdmissionBasis.DECISION, m2));
        }

        @Test
        void anObserverIsNotAdmittedAgainOnAnOpeningBalance() {
            fixture.given(admitted("CN-LIAONING", "CN", OBSERVER))
                    .when(admit("CN-LIAONING", "CN", MEMBER))
                    .expectException(AlreadyAdmitted.class)
                    .expectException(refusal("id", "admitted-once"))
                    .expectNoEvents();
        }

        @Test
        void aMemberIsNotAdmittedAgainByADecision() {
            fixture.given(admitted("CN-LIAONING", "CN", MEMBER))
                    .when(new AdmitMember(liaoning, CountryCode.of("CN"), "Liaoning Province", null, MEMBER, ga13,
                            AdmissionBasis.DECISION, m2))
                    .expectException(AlreadyAdmitted.class)
                    .expectException(refusal("id", "admitted-once"))
                    .expectNoEvents();
        }

        @Test
        void expelsAMember() {
            fixture.given(admitted("KP-RASON", "KP", MEMBER))
                    .when(new ExpelMember(new MemberId("KP-RASON"), LocalDate.of(2025, 8, 20), m2))
                    .expectEvents(new MemberExpelled(new MemberId("KP-RASON"), LocalDate.of(2025, 8, 20), m2));
        }

        @Test
        void refusesToExpelAPartyThatLeft() {
            fixture.given(admitted("KP-RASON", "KP", MEMBER),
                            new MemberWithdrew(new MemberId("KP-RASON"), LocalDate.of(2024, 1, 1), "letter"))
                    .when(new ExpelMember(new MemberId("KP-RASON"), LocalDate.of(2025, 8, 20), m2))
                    .expectException(WithdrawalRefused.class)
                    .expectException(refusal("party", "left-once"))
                    .expectNoEvents();
        }
    }

    @Test
    void theDuesScheduleChangesTheRateFromAYear() {
        var schedule = new AggregateTestFixture<>(DuesSchedule.class);
        MotionId motion = new MotionId("GA14-M3");
        schedule.givenNoPriorActivity()
                .when(new DuesSchedule.ChangeDuesRate(DuesSchedule.ID, Money.of("1200", "USD"), FiscalYear.of(2024), motion))
                .expectEvents(new DuesRateChanged(Money.of("1200", "USD"), FiscalYear.of(2024), motion));
    }

    @Test
    void theDuesScheduleRefusesARateOfZero() {
        var schedule = new AggregateTestFixture<>(DuesSchedule.class);
        MotionId motion = new MotionId("GA14-M3");
        schedule.givenNoPriorActivity()
                .when(new DuesSchedule.ChangeDuesRate(DuesSchedule.ID, Money.of("0", "USD"), FiscalYear.of(2024), motion))
                .expectException(DuesRefused.class)
                .expectException(refusal("effect.amount", "positive", "Dues Regulation Art. 5(3)"))
                .expectNoEvents();
    }

    @Nested
    class Withdrawal {

        @Test
        void recordsAWithdrawal() {
            fixture.given(admitted("JP-FUKUI", "JP", MEMBER))
                    .when(new RecordWithdrawal(new MemberId("JP-FUKUI"), LocalDate.of(2022, 4, 1), "letter"))
                    .expectEvents(new MemberWithdrew(new MemberId("JP-FUKUI"), LocalDate.of(2022, 4, 1), "letter"));
        }

        @Test
        void refusesASecondWithdrawal() {
            fixture.given(admitted("JP-FUKUI", "JP", MEMBER),
                            new MemberWithdrew(new MemberId("JP-FUKUI"), LocalDate.of(2022, 4, 1), "letter"))
                    .when(new RecordWithdrawal(new MemberId("JP-FUKUI"), LocalDate.of(2022, 5, 1), "again"))
                    .expectException(WithdrawalRefused.class)
                    .expectException(refusal("id", "left-once"))
                    .expectNoEvents();
        }

        @Test
        void refusesAWithdrawalOnOrBeforeTheAdmission() {
            fixture.given(admitted("JP-FUKUI", "JP", MEMBER))
                    .when(new RecordWithdrawal(new MemberId("JP-FUKUI"), OPENING, "letter"))
                    .expectException(WithdrawalRefused.class)
                    .expectException(refusal("withdrewOn", "withdrawal-after-admission"))
                    .expectNoEvents();
        }

        @Test
        void refusesTheWithdrawalOfAnUnknownParty() {
            fixture.givenNoPriorActivity()
                    .when(new RecordWithdrawal(new MemberId("JP-FUKUI"), LocalDate.of(2022, 4, 1), "letter"))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    private static PayDues pay(int year, Money paid, Money credited, String paidOn) {
        return new PayDues(TYVA, PAYMENT, FiscalYear.of(year), paid, credited, LocalDate.parse(paidOn), "ref");
    }

    private static DuesPaid paid(int year, Money paid, Money credited, String paidOn) {
        return new DuesPaid(TYVA, PAYMENT, FiscalYear.of(year), paid, credited, LocalDate.parse(paidOn), "ref");
    }

    private static AdmitMember admit(String id, String country, PartyCategory category) {
        return new AdmitMember(new MemberId(id), CountryCode.of(country), id + " government", null, category,
                OPENING, AdmissionBasis.OPENING_BALANCE, null);
    }

    private static MemberAdmitted admitted(String id, String country, PartyCategory category) {
        return new MemberAdmitted(new MemberId(id), CountryCode.of(country), id + " government", null, category,
                OPENING, AdmissionBasis.OPENING_BALANCE, null);
    }
}
