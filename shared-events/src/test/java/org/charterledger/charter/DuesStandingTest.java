package org.charterledger.charter;

import org.charterledger.charter.DuesStanding.Cause;
import org.charterledger.charter.DuesStanding.RightsChange;
import org.charterledger.charter.DuesStanding.Settlement;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.Money;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.PaymentId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.charterledger.events.PartyCategory.ASSOCIATE;
import static org.charterledger.events.PartyCategory.MEMBER;
import static org.charterledger.events.PartyCategory.OBSERVER;

class DuesStandingTest {

    private static final DuesRates RATES = DuesRates.initial();

    /**
     * CHARTER.md §2, the examples row by row: admitted 2015 (dues from 2016), the rule in force from 2017.
     * Payments are written "year<-date", separated by spaces.
     */
    @ParameterizedTest(name = "as of {0}: arrears [{2}], restricted since [{3}]")
    @CsvSource(delimiter = '|', textBlock = """
            2018-04-30 | 2016<-2016-03-01                  | 2017             |
            2018-05-01 | 2016<-2016-03-01                  | 2017 2018        | 2018-05-01
            2018-09-01 | 2016<-2016-03-01 2018<-2018-09-01 | 2017             |
            2019-05-01 | 2016<-2016-03-01 2019<-2019-02-10 | 2017 2018        |
            2020-05-01 | 2016<-2016-03-01 2019<-2019-02-10 | 2017 2018 2020   | 2020-05-01
            """)
    void charterExamples(LocalDate asOf, String payments, String arrears, LocalDate since) {
        DuesStanding standing = DuesStanding.at(admitted2015(payments), RATES, asOf);

        assertThat(standing.yearsInArrears()).isEqualTo(years(arrears));
        assertThat(standing.restrictedSince()).isEqualTo(since);
        assertThat(standing.mayVote()).isEqualTo(since == null);
        assertThat(standing.mayStandAndElect()).isEqualTo(since == null);
        if (since != null) {
            assertThat(standing.articles()).containsExactly("Dues Regulation Art. 6", "Charter Art. 7(3)",
                    "Charter Art. 9(1)");
            assertThat(standing.reason()).contains(arrears.replace(" ", ", "));
        }
    }

    @Nested
    class Edges {

        @Test
        void anAdmissionLateInAYearIsAssessedFromTheNextYear() {
            PartyFacts facts = member(LocalDate.of(2015, 12, 31), false);

            assertThat(DuesStanding.at(facts, RATES, LocalDate.of(2016, 6, 1)).assessedYears())
                    .extracting(DuesStanding.YearAccount::year).containsExactly(FiscalYear.of(2016));
            assertThat(DuesStanding.isAssessed(facts, FiscalYear.of(2015))).isFalse();
            assertThat(DuesStanding.isAssessed(facts, FiscalYear.of(2016))).isTrue();
        }

        @Test
        void aPaymentOnTheDueDateItselfIsInTime() {
            PartyFacts facts = admitted2015("2016<-2016-04-30 2017<-2017-04-30 2018<-2018-04-30");

            DuesStanding standing = DuesStanding.at(facts, RATES, LocalDate.of(2018, 5, 1));

            assertThat(standing.yearsInArrears()).isEmpty();
            assertThat(standing.mayVote()).isTrue();
        }

        @Test
        void aDueDateIsInArrearsOnlyFromTheNextDay() {
            DuesStanding onTheDay = DuesStanding.at(admitted2015(""), RATES, LocalDate.of(2016, 4, 30));
            DuesStanding dayAfter = DuesStanding.at(admitted2015(""), RATES, LocalDate.of(2016, 5, 1));

            assertThat(onTheDay.yearsInArrears()).isEmpty();
            assertThat(dayAfter.yearsInArrears()).isEqualTo(years("2016"));
        }

        @Test
        void aReversalAfterResumptionRestrictsAgainFromTheReversalDate() {
            PartyFacts facts = admitted2015("2016<-2016-03-01 2019<-2019-02-10");
            PaymentId resuming = facts.payments().get(1).id();
            facts = new PartyFacts(facts.periods(), List.of(facts.payments().get(0),
                    facts.payments().get(1).reversed(LocalDate.of(2019, 6, 1))));

            DuesStanding before = DuesStanding.at(facts, RATES, LocalDate.of(2019, 5, 31));
            DuesStanding after = DuesStanding.at(facts, RATES, LocalDate.of(2019, 6, 1));

            assertThat(before.mayVote()).isTrue();
            assertThat(after.restrictedSince()).isEqualTo(LocalDate.of(2019, 6, 1));
            assertThat(after.yearsInArrears()).isEqualTo(years("2017 2018 2019"));
            assertThat(after.resumedPayment()).isFalse();
            assertThat(DuesStanding.history(facts, RATES, LocalDate.of(2019, 12, 31)))
                    .last().satisfies(change -> {
                        assertThat(change.cause()).isEqualTo(Cause.REVERSAL);
                        assertThat(change.payment()).isEqualTo(resuming);
                    });
        }

        @Test
        void noMemberIsRestrictedBeforeTheRuleCameIntoForce() {
            PartyFacts facts = member(LocalDate.of(2012, 3, 1), false);

            DuesStanding before = DuesStanding.at(facts, RATES, LocalDate.of(2016, 12, 31));
            DuesStanding onTheDay = DuesStanding.at(facts, RATES, LocalDate.of(2017, 1, 1));

            assertThat(before.yearsInArrears()).hasSize(4);
            assertThat(before.mayVote()).isTrue();
            assertThat(onTheDay.restrictedSince()).isEqualTo(DuesStanding.IN_FORCE);
        }

        @Test
        void aMemberThatLeftHasNoRightsAndIsNoLongerAssessed() {
            PartyFacts facts = new PartyFacts(List.of(new MembershipPeriod(MEMBER, LocalDate.of(2015, 6, 1),
                    LocalDate.of(2019, 3, 1), false)), List.of());

            DuesStanding standing = DuesStanding.at(facts, RATES, LocalDate.of(2021, 5, 1));

            assertThat(standing.category()).isNull();
            assertThat(standing.mayVote()).isFalse();
            assertThat(standing.restricted()).isFalse();
            assertThat(standing.reason()).startsWith("not a party");
            assertThat(standing.assessedYears()).extracting(a -> a.year().value()).containsExactly(2016, 2017, 2018, 2019);
            assertThat(DuesStanding.isAssessed(facts, FiscalYear.of(2020))).isFalse();
        }

        @Test
        void partAndOverpaymentsAreRecordedAsSuch() {
            PartyFacts facts = member(LocalDate.of(2015, 6, 1), false);
            facts = facts.withPayment(payment(2016, "600.00", "2016-03-01")).withPayment(payment(2017, "1200", "2017-03-01"));

            DuesStanding standing = DuesStanding.at(facts, RATES, LocalDate.of(2017, 12, 31));

            assertThat(standing.assessedYears()).extracting(DuesStanding.YearAccount::settlement)
                    .containsExactly(Settlement.PART_PAID, Settlement.OVERPAID);
            assertThat(standing.assessedYears().get(0).balance()).isEqualTo(Money.of("-400", "USD"));
            assertThat(standing.yearsInArrears()).isEqualTo(years("2016"));
        }

        @Test
        void aChangedRateAppliesFromTheYearItNames() {
            DuesRates rates = RATES.changedFrom(FiscalYear.of(2019), Money.of("1500", "USD"));
            PartyFacts facts = admitted2015("2019<-2019-03-01");

            DuesStanding.YearAccount year2019 = DuesStanding.at(facts, rates, LocalDate.of(2019, 12, 31))
                    .assessedYears().stream().filter(a -> a.year().value() == 2019).findFirst().orElseThrow();

            assertThat(year2019.due()).isEqualTo(Money.of("1500", "USD"));
            assertThat(year2019.settlement()).isEqualTo(Settlement.PART_PAID);
            assertThat(rates.rateFor(FiscalYear.of(2018))).isEqualTo(DuesRates.INITIAL);
        }

        @Test
        void anOpeningBalanceMemberOwesDuesFromTheBalancesYear() {
            PartyFacts facts = member(LocalDate.of(2021, 1, 1), true);

            DuesStanding atGa13 = DuesStanding.at(facts, RATES, LocalDate.of(2021, 8, 10));
            DuesStanding ayearLater = DuesStanding.at(facts, RATES, LocalDate.of(2022, 5, 1));

            assertThat(atGa13.yearsInArrears()).isEqualTo(years("2021"));
            assertThat(atGa13.mayVote()).isTrue();
            assertThat(ayearLater.restrictedSince()).isEqualTo(LocalDate.of(2022, 5, 1));
        }

        @ParameterizedTest
        @CsvSource({"ASSOCIATE, Charter Art. 5-2", "OBSERVER, Charter Art. 9(1)"})
        void associatesAndObserversNeverVote(PartyCategory category, String article) {
            PartyFacts facts = new PartyFacts(List.of(new MembershipPeriod(category, LocalDate.of(2021, 1, 1),
                    null, true)), List.of());

            DuesStanding standing = DuesStanding.at(facts, RATES, LocalDate.of(2023, 10, 25));

            assertThat(standing.mayVote()).isFalse();
            assertThat(standing.mayStandAndElect()).isFalse();
            assertThat(standing.assessedYears()).isEmpty();
            assertThat(standing.articles()).contains(article);
            assertThat(DuesStanding.isAssessed(facts, FiscalYear.of(2022))).isFalse();
        }

        @Test
        void anObserverAdmittedAsAMemberIsAssessedFromTheYearAfter() {
            PartyFacts facts = new PartyFacts(List.of(
                    new MembershipPeriod(OBSERVER, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 8, 10), true),
                    new MembershipPeriod(MEMBER, LocalDate.of(2021, 8, 10), null, false)), List.of());

            assertThat(DuesStanding.at(facts, RATES, LocalDate.of(2021, 8, 10)).mayVote()).isTrue();
            assertThat(DuesStanding.isAssessed(facts, FiscalYear.of(2021))).isFalse();
            assertThat(DuesStanding.isAssessed(facts, FiscalYear.of(2022))).isTrue();
        }
    }

    @Test
    void theHistoryListsEveryChangeWithItsCause() {
        PartyFacts facts = admitted2015("2016<-2016-03-01 2019<-2019-02-10");

        List<RightsChange> history = DuesStanding.history(facts, RATES, LocalDate.of(2020, 12, 31));

        assertThat(history).extracting(RightsChange::from, RightsChange::mayVote, RightsChange::cause)
                .containsExactly(
                        tuple(LocalDate.of(2015, 6, 1), true, Cause.ADMITTED),
                        tuple(LocalDate.of(2018, 5, 1), false, Cause.DUE_DATE_PASSED),
                        tuple(LocalDate.of(2019, 2, 10), true, Cause.PAYMENT),
                        tuple(LocalDate.of(2020, 5, 1), false, Cause.DUE_DATE_PASSED));
        assertThat(history.get(1).yearsInArrears()).isEqualTo(years("2017 2018"));
        assertThat(history.get(3).year()).isEqualTo(FiscalYear.of(2020));
    }

    @Test
    void theHistoryStartsWithTheAdmission() {
        PartyFacts facts = member(LocalDate.of(2021, 1, 1), true);

        List<RightsChange> history = DuesStanding.history(facts, RATES, LocalDate.of(2023, 10, 25));

        assertThat(history).extracting(RightsChange::from, RightsChange::cause).containsExactly(
                tuple(LocalDate.of(2021, 1, 1), Cause.ADMITTED),
                tuple(LocalDate.of(2022, 5, 1), Cause.DUE_DATE_PASSED));
        assertThat(DuesStanding.history(facts, RATES, LocalDate.of(2020, 12, 31))).isEmpty();
    }

    /**
     * After a party's last recorded fact only due dates pass: its rights on any later date are those of the second
     * due date after that fact, and no later change appears in its history, however far the date asked lies.
     */
    @ParameterizedTest(name = "payments [{0}]: restricted since [{1}] on {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2016<-2016-03-01                                    | 2018-05-01 | 2030-01-01
            2016<-2016-03-01                                    | 2018-05-01 | 2200-12-31
            2016<-2016-03-01                                    | 2018-05-01 | 9999-12-31
            2016<-2016-03-01 2018<-2018-09-01 2019<-2019-02-10  | 2020-05-01 | 2030-01-01
            2016<-2016-03-01 2018<-2018-09-01 2019<-2019-02-10  | 2020-05-01 | 2200-12-31
            2016<-2016-03-01 2018<-2018-09-01 2019<-2019-02-10  | 2020-05-01 | 9999-12-31
            2016<-2016-03-01 2017<-2017-03-01 2018<-2018-03-01  | 2020-05-01 | 2030-01-01
            2016<-2016-03-01 2017<-2017-03-01 2018<-2018-03-01  | 2020-05-01 | 2200-12-31
            2016<-2016-03-01 2017<-2017-03-01 2018<-2018-03-01  | 2020-05-01 | 9999-12-31
            """)
    @Timeout(10)
    void rightsOnAFarDateCostWhatTheHistoryCosts(String payments, LocalDate since, LocalDate far) {
        PartyFacts facts = admitted2015(payments);

        assertThat(DuesStanding.at(facts, RATES, far).restrictedSince()).isEqualTo(since);
        assertThat(DuesStanding.history(facts, RATES, far))
                .isEqualTo(DuesStanding.history(facts, RATES, LocalDate.of(2029, 12, 31)));
    }

    private static PartyFacts admitted2015(String payments) {
        PartyFacts facts = member(LocalDate.of(2015, 6, 1), false);
        for (String entry : payments.isBlank() ? new String[0] : payments.trim().split("\\s+")) {
            String[] parts = entry.split("<-");
            facts = facts.withPayment(payment(Integer.parseInt(parts[0]), "1000", parts[1]));
        }
        return facts;
    }

    private static PartyFacts member(LocalDate from, boolean openingBalance) {
        return new PartyFacts(List.of(new MembershipPeriod(MEMBER, from, null, openingBalance)), List.of());
    }

    private static Payment payment(int year, String usd, String paidOn) {
        return new Payment(new PaymentId(UUID.randomUUID().toString()), FiscalYear.of(year), Money.of(usd, "USD"),
                LocalDate.parse(paidOn), null);
    }

    private static List<FiscalYear> years(String years) {
        List<FiscalYear> list = new ArrayList<>();
        if (years != null && !years.isBlank()) {
            Arrays.stream(years.trim().split("\\s+")).map(y -> FiscalYear.of(Integer.parseInt(y))).forEach(list::add);
        }
        return list;
    }
}
