package org.charterledger.charter;

import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.CountryCode;
import org.charterledger.events.DuesPaid;
import org.charterledger.events.DuesPaymentReversed;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberExpelled;
import org.charterledger.events.MemberId;
import org.charterledger.events.MemberWithdrew;
import org.charterledger.events.Money;
import org.charterledger.events.MotionId;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.PartyEvent;
import org.charterledger.events.PaymentId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fold of a party's events (CHARTER.md §1, §2), history by history: the category it is in on a date (none once
 * it left: departed parties count in no later roll), and which of its payments count on that date.
 */
class PartyFactsTest {

    private static final MemberId LIAONING = new MemberId("CN-LIAONING");
    private static final PaymentId FIRST = new PaymentId("0f8c7e2a-5a43-4d0e-9d55-3c1b7f6a9e21");
    private static final PaymentId SECOND = new PaymentId("1f8c7e2a-5a43-4d0e-9d55-3c1b7f6a9e21");

    static Stream<Arguments> histories() {
        List<PartyEvent> observerThenMember = List.of(
                admitted(PartyCategory.OBSERVER, "2015-06-01", AdmissionBasis.OPENING_BALANCE),
                admitted(PartyCategory.MEMBER, "2021-08-10", AdmissionBasis.DECISION));
        List<PartyEvent> paidAndReversed = List.of(
                admitted(PartyCategory.MEMBER, "2015-06-01", AdmissionBasis.DECISION),
                paid(FIRST, 2016, "2016-03-01"), paid(SECOND, 2017, "2017-03-01"),
                new DuesPaymentReversed(LIAONING, FIRST, LocalDate.parse("2016-03-09"), "transfer returned"));
        List<PartyEvent> withdrew = List.of(admitted(PartyCategory.MEMBER, "2015-06-01", AdmissionBasis.DECISION),
                new MemberWithdrew(LIAONING, LocalDate.parse("2022-04-01"), "letter of 2022-01-15"));
        List<PartyEvent> expelled = List.of(admitted(PartyCategory.ASSOCIATE, "2015-06-01", AdmissionBasis.DECISION),
                new MemberExpelled(LIAONING, LocalDate.parse("2025-08-20"), new MotionId("GA15-M4")));
        return Stream.of(
                Arguments.of("no party before its admission", observerThenMember, "2015-05-31", null, 0, false),
                Arguments.of("an observer from the opening balance", observerThenMember, "2021-08-09",
                        PartyCategory.OBSERVER, 0, true),
                Arguments.of("an observer admitted is a member from the decision, same id", observerThenMember,
                        "2021-08-10", PartyCategory.MEMBER, 0, false),
                Arguments.of("a payment counts from its date", paidAndReversed, "2016-03-01", PartyCategory.MEMBER, 1,
                        false),
                Arguments.of("a reversal removes it from its date; the other counts", paidAndReversed, "2017-03-01",
                        PartyCategory.MEMBER, 1, false),
                Arguments.of("a reversed payment stays in the history", paidAndReversed, "2016-03-08",
                        PartyCategory.MEMBER, 1, false),
                Arguments.of("a member that withdrew: still one the day before", withdrew, "2022-03-31",
                        PartyCategory.MEMBER, 0, false),
                Arguments.of("a member that withdrew is no party from that day", withdrew, "2022-04-01", null, 0,
                        false),
                Arguments.of("an expelled associate is no party from that day", expelled, "2025-08-20", null, 0,
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void foldsAPartysHistory(String reading, List<PartyEvent> events, String date, PartyCategory category,
                             int paymentsCounting, boolean openingBalance) {
        PartyFacts facts = PartyFacts.fold(events);
        LocalDate on = LocalDate.parse(date);

        assertThat(facts.categoryOn(on).orElse(null)).isEqualTo(category);
        assertThat(facts.payments().stream().filter(p -> p.countsOn(on)).count()).isEqualTo(paymentsCounting);
        assertThat(facts.periods().stream().filter(p -> p.covers(on)).anyMatch(MembershipPeriod::openingBalance))
                .isEqualTo(openingBalance);
        assertThat(facts.payments()).hasSize((int) events.stream().filter(DuesPaid.class::isInstance).count());
    }

    /** Folding event by event and folding the stream are the same function. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void foldingOneByOneIsFoldingTheStream(String reading, List<PartyEvent> events) {
        PartyFacts stepwise = PartyFacts.none();
        for (PartyEvent event : events) {
            stepwise = stepwise.then(event);
        }

        assertThat(stepwise).isEqualTo(PartyFacts.fold(events));
    }

    private static MemberAdmitted admitted(PartyCategory category, String on, AdmissionBasis basis) {
        return new MemberAdmitted(LIAONING, CountryCode.of("CN"), "Liaoning Province", null, category,
                LocalDate.parse(on), basis, basis == AdmissionBasis.DECISION ? new MotionId("GA13-M2") : null);
    }

    private static DuesPaid paid(PaymentId id, int year, String on) {
        return new DuesPaid(LIAONING, id, FiscalYear.of(year), Money.of("1320000", "KRW"), Money.of("1000", "USD"),
                LocalDate.parse(on), "transfer");
    }
}
