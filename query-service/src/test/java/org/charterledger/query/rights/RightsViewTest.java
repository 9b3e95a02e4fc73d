package org.charterledger.query.rights;

import org.charterledger.charter.DuesStanding.Cause;
import org.charterledger.charter.DuesStanding.Settlement;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.CountryCode;
import org.charterledger.events.DuesPaid;
import org.charterledger.events.DuesPaymentReversed;
import org.charterledger.events.DuesRateChanged;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberId;
import org.charterledger.events.Money;
import org.charterledger.events.MotionId;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.PaymentId;
import org.charterledger.query.Views;
import org.charterledger.query.config.NotFound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Rights, dues statements and rights histories from the dues and register views, on the in-memory views
 * (RightsQueriesIT on PostgreSQL): a member on the books from 1 January 2016 (dues from 2016, as CHARTER.md §2's
 * member admitted in 2015) that paid for 2016 on 2016-03-01, and an observer.
 */
class RightsViewTest {

    private static final MemberId TEST = new MemberId("RU-TEST");
    private static final PaymentId PAID_2016 = new PaymentId("6a1f0c1e-2b7d-4c43-9a57-0d1e2f3a4b5c");
    private static final PaymentId PAID_2017 = new PaymentId("7b2e1d2f-3c8e-4d54-8b68-1e2f3a4b5c6d");
    private static final PaymentId PAID_2019 = new PaymentId("8c3f2e3a-4d9f-4e65-9c79-2f3a4b5c6d7e");
    private static final Clock TODAY = Clock.fixed(LocalDate.of(2018, 5, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    private Views views;
    private RightsController rights;

    @BeforeEach
    void aMemberThatPaidFor2016OnlyAndAnObserver() {
        views = Views.empty().given(
                new MemberAdmitted(TEST, CountryCode.of("RU"), "Test Republic", null, PartyCategory.MEMBER,
                        LocalDate.of(2016, 1, 1), AdmissionBasis.OPENING_BALANCE, null),
                paid(PAID_2016, 2016, Money.of("1180000", "KRW"), "2016-03-01"),
                new MemberAdmitted(new MemberId("JP-MIYAGI"), CountryCode.of("JP"), "Miyagi Prefecture", null,
                        PartyCategory.OBSERVER, LocalDate.of(2016, 1, 1), AdmissionBasis.OPENING_BALANCE, null));
        rights = new RightsController(new RecordedFacts(views.jdbc()), TODAY);
    }

    @AfterEach
    void close() {
        views.close();
    }

    @ParameterizedTest(name = "as of {0}")
    @CsvSource({"2018-04-30, true, ", "2018-05-01, false, 2018-05-01"})
    void theRightsOfOneMemberOnADate(LocalDate asOf, boolean mayVote, LocalDate since) {
        RightsController.PartyRights answer = rights.rightsOf(TEST, asOf);

        assertThat(answer.name()).isEqualTo("Test Republic");
        assertThat(answer.country()).isEqualTo("RU");
        assertThat(answer.category()).isEqualTo(PartyCategory.MEMBER);
        assertThat(answer.mayVote()).isEqualTo(mayVote);
        assertThat(answer.mayStandAndElect()).isEqualTo(mayVote);
        if (since == null) {
            assertThat(answer.restriction()).isNull();
        } else {
            assertThat(answer.restriction().since()).isEqualTo(since);
            assertThat(answer.restriction().yearsInArrears()).containsExactly(2017, 2018);
            assertThat(answer.restriction().articles()).contains("Dues Regulation Art. 6");
            assertThat(answer.reason()).contains("2017, 2018");
        }
    }

    @Test
    void everyPartyOnADateWithItsRights() {
        RightsController.RightsOnADate all = rights.rights(null);

        assertThat(all.asOf()).isEqualTo(LocalDate.of(2018, 5, 1));
        assertThat(all.parties()).isEqualTo(2);
        assertThat(all.mayVote()).isZero();
        assertThat(all.restricted()).isEqualTo(1);
        assertThat(all.rights()).extracting(RightsController.PartyRights::id).containsExactly("JP-MIYAGI", "RU-TEST");
        RightsController.PartyRights observer = all.rights().get(0);
        assertThat(observer.category()).isEqualTo(PartyCategory.OBSERVER);
        assertThat(observer.mayVote()).isFalse();
        assertThat(observer.mayStandAndElect()).isFalse();
        assertThat(observer.restriction()).isNull();
    }

    @Test
    void noPartyBeforeItsAdmission() {
        RightsController.RightsOnADate before = rights.rights(LocalDate.of(2015, 12, 31));

        assertThat(before.parties()).isZero();
        assertThat(before.rights()).isEmpty();
    }

    @Test
    void theDuesStatementShowsEachYearWithItsPaymentsAndBalance() {
        views.given(paid(PAID_2017, 2017, Money.of("600", "USD"), "2017-04-30"));

        RightsController.DuesStatement statement = rights.statement(TEST, LocalDate.of(2017, 12, 31));

        assertThat(statement.years()).extracting(RightsController.YearLine::year).containsExactly(2016, 2017);
        RightsController.YearLine year2016 = statement.years().get(0);
        assertThat(year2016.settlement()).isEqualTo(Settlement.PAID);
        assertThat(year2016.payments()).singleElement().satisfies(payment -> {
            assertThat(payment.paymentId()).isEqualTo(PAID_2016.value());
            assertThat(payment.paid()).isEqualTo(Money.of("1180000", "KRW"));
            assertThat(payment.credited()).isEqualTo(Money.of("1000", "USD"));
            assertThat(payment.position()).isEqualTo(2);
            assertThat(payment.counts()).isTrue();
        });
        RightsController.YearLine year2017 = statement.years().get(1);
        assertThat(year2017.settlement()).isEqualTo(Settlement.PART_PAID);
        assertThat(year2017.due()).isEqualTo(Money.of("1000", "USD"));
        assertThat(year2017.balance()).isEqualTo(Money.of("-400", "USD"));
        assertThat(statement.balance()).isEqualTo(Money.of("-400", "USD"));
        assertThat(statement.yearsInArrears()).containsExactly(2017);
        assertThat(statement.paymentsForOtherYears()).isEmpty();
        assertThat(statement.standing().mayVote()).isTrue();
    }

    @Test
    void aRateChangedByTheAssemblyIsDueFromItsYear() {
        views.given(new DuesRateChanged(Money.of("1200", "USD"), FiscalYear.of(2018), new MotionId("GA12-M3")));

        RightsController.DuesStatement statement = rights.statement(TEST, LocalDate.of(2018, 12, 31));

        assertThat(statement.years()).extracting(RightsController.YearLine::year, RightsController.YearLine::due)
                .containsExactly(
                        tuple(2016, Money.of("1000", "USD")),
                        tuple(2017, Money.of("1000", "USD")),
                        tuple(2018, Money.of("1200", "USD")));
        assertThat(statement.balance()).isEqualTo(Money.of("-2200", "USD"));
    }

    @Test
    void aReversalRestrictsAgainFromItsDateAndShowsInTheHistoryWithItsPosition() {
        views.given(paid(PAID_2019, 2019, Money.of("1000", "USD"), "2019-02-10"),
                new DuesPaymentReversed(TEST, PAID_2019, LocalDate.of(2019, 6, 1), "transfer returned"));
        long reversal = views.position();

        assertThat(rights.rightsOf(TEST, LocalDate.of(2019, 5, 31)).mayVote()).isTrue();
        assertThat(rights.rightsOf(TEST, LocalDate.of(2019, 6, 1)).restriction().since())
                .isEqualTo(LocalDate.of(2019, 6, 1));
        List<RightsController.Change> changes = rights.history(TEST, LocalDate.of(2019, 12, 31)).changes();
        assertThat(changes).extracting(RightsController.Change::cause)
                .containsExactly(Cause.ADMITTED, Cause.DUE_DATE_PASSED, Cause.PAYMENT, Cause.REVERSAL);
        assertThat(changes).extracting(RightsController.Change::position)
                .containsExactly(1L, null, reversal - 1, reversal);
        assertThat(changes.get(1).from()).isEqualTo(LocalDate.of(2018, 5, 1));
        assertThat(changes.get(1).until()).isEqualTo(LocalDate.of(2019, 2, 10));
        assertThat(changes.get(3).paymentId()).isEqualTo(PAID_2019.value());
        assertThat(changes.get(3).until()).isNull();
        RightsController.PaymentLine reversed = rights.statement(TEST, LocalDate.of(2019, 12, 31)).years().stream()
                .filter(y -> y.year() == 2019).findFirst().orElseThrow().payments().get(0);
        assertThat(reversed.reversedOn()).isEqualTo(LocalDate.of(2019, 6, 1));
        assertThat(reversed.reversalReason()).isEqualTo("transfer returned");
        assertThat(reversed.counts()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rights", "statement", "history"})
    void anUnknownMemberIsNotFound(String query) {
        MemberId nobody = new MemberId("KR-NOBODY-AT-ALL");

        assertThatThrownBy(() -> {
            switch (query) {
                case "rights" -> rights.rightsOf(nobody, null);
                case "statement" -> rights.statement(nobody, null);
                default -> rights.history(nobody, null);
            }
        }).isInstanceOfSatisfying(NotFound.class, notFound -> assertThat(notFound.field()).isEqualTo("id"))
                .hasMessage("KR-NOBODY-AT-ALL is not on the register");
    }

    private static DuesPaid paid(PaymentId payment, int year, Money paid, String paidOn) {
        return new DuesPaid(TEST, payment, FiscalYear.of(year), paid,
                paid.currency().getCurrencyCode().equals("USD") ? paid : Money.of("1000", "USD"),
                LocalDate.parse(paidOn), "transfer");
    }
}
