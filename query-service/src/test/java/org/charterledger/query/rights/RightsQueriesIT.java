package org.charterledger.query.rights;

import com.fasterxml.jackson.databind.JsonNode;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.CountryCode;
import org.charterledger.events.DuesPaid;
import org.charterledger.events.DuesPaymentReversed;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberId;
import org.charterledger.events.Money;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.PaymentId;
import org.charterledger.query.LedgerIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rights and dues statements on PostgreSQL, from events: a member on the books from 1 January 2016 (dues from 2016,
 * as CHARTER.md §2's member admitted in 2015) that paid for 2016 on 2016-03-01.
 */
class RightsQueriesIT extends LedgerIT {

    private String member;
    private PaymentId paid2016;
    private long position;

    @BeforeEach
    void aMemberThatPaidFor2016Only() {
        member = newId("RU");
        append(member, new MemberAdmitted(new MemberId(member), CountryCode.of("RU"), "Test Republic", null,
                PartyCategory.MEMBER, LocalDate.of(2016, 1, 1), AdmissionBasis.OPENING_BALANCE, null));
        paid2016 = new PaymentId(UUID.randomUUID().toString());
        position = pay(paid2016, 2016, Money.of("1180000", "KRW"), "2016-03-01");
    }

    @ParameterizedTest(name = "as of {0}")
    @CsvSource({"2018-04-30, true, ", "2018-05-01, false, 2018-05-01"})
    void theRightsOfOneMemberOnADate(String asOf, boolean mayVote, String since) throws Exception {
        JsonNode rights = body(get("/api/rights/" + member + "?asOf=" + asOf + "&atLeast=" + position));

        assertThat(rights.get("mayVote").asBoolean()).isEqualTo(mayVote);
        assertThat(rights.get("mayStandAndElect").asBoolean()).isEqualTo(mayVote);
        if (since == null) {
            assertThat(rights.get("restriction").isNull()).isTrue();
        } else {
            JsonNode restriction = rights.get("restriction");
            assertThat(restriction.get("since").asText()).isEqualTo(since);
            assertThat(restriction.get("yearsInArrears").toString()).isEqualTo("[2017,2018]");
            assertThat(restriction.get("articles").toString()).contains("Dues Regulation Art. 6");
            assertThat(rights.get("reason").asText()).contains("2017, 2018");
        }
    }

    @Test
    void everyPartyOnADateWithItsRights() throws Exception {
        JsonNode all = body(get("/api/rights?asOf=2018-05-01&atLeast=" + position));

        JsonNode mine = null;
        for (JsonNode party : all.get("rights")) {
            if (party.get("id").asText().equals(member)) {
                mine = party;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("mayVote").asBoolean()).isFalse();
        assertThat(all.get("parties").asInt()).isEqualTo(all.get("rights").size());
        assertThat(all.get("restricted").asInt()).isPositive();
    }

    @Test
    void theDuesStatementShowsEachYearWithItsPaymentsAndBalance() throws Exception {
        pay(new PaymentId(UUID.randomUUID().toString()), 2017, Money.of("600", "USD"), "2017-04-30");

        JsonNode statement = body(get("/api/members/" + member + "/dues?asOf=2017-12-31&atLeast=" + ledgerHead()));

        JsonNode years = statement.get("years");
        assertThat(years).hasSize(2);
        assertThat(years.get(0).get("settlement").asText()).isEqualTo("PAID");
        assertThat(years.get(0).get("payments").get(0).get("paid").get("amount").asText()).isEqualTo("1180000");
        assertThat(years.get(0).get("payments").get(0).get("paid").get("currency").asText()).isEqualTo("KRW");
        assertThat(years.get(1).get("settlement").asText()).isEqualTo("PART_PAID");
        assertThat(years.get(1).get("balance").get("amount").asText()).isEqualTo("-400.00");
        assertThat(statement.get("balance").get("amount").asText()).isEqualTo("-400.00");
        assertThat(statement.get("yearsInArrears").toString()).isEqualTo("[2017]");
        assertThat(statement.get("standing").get("mayVote").asBoolean()).isTrue();
    }

    @Test
    void aReversalRestrictsAgainFromItsDateAndShowsInTheHistory() throws Exception {
        PaymentId resuming = new PaymentId(UUID.randomUUID().toString());
        pay(resuming, 2019, Money.of("1000", "USD"), "2019-02-10");
        long reversal = append(member, new DuesPaymentReversed(new MemberId(member), resuming,
                LocalDate.of(2019, 6, 1), "transfer returned"));

        JsonNode before = body(get("/api/rights/" + member + "?asOf=2019-05-31&atLeast=" + reversal));
        JsonNode after = body(get("/api/rights/" + member + "?asOf=2019-06-01"));
        JsonNode history = body(get("/api/rights/" + member + "/history?until=2019-12-31"));

        assertThat(before.get("mayVote").asBoolean()).isTrue();
        assertThat(after.get("restriction").get("since").asText()).isEqualTo("2019-06-01");
        JsonNode changes = history.get("changes");
        assertThat(changes.findValuesAsText("cause"))
                .containsExactly("ADMITTED", "DUE_DATE_PASSED", "PAYMENT", "REVERSAL");
        JsonNode last = changes.get(changes.size() - 1);
        assertThat(last.get("paymentId").asText()).isEqualTo(resuming.value());
        assertThat(last.get("position").asLong()).isEqualTo(reversal);
        assertThat(changes.get(1).get("from").asText()).isEqualTo("2018-05-01");
        assertThat(changes.get(1).get("until").asText()).isEqualTo("2019-02-10");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a malformed date       | /api/rights?asOf=2018-02-30               | asOf
            a malformed history end | /api/rights/KR-ULSAN/history?until=soon | until
            an id that is no slug  | /api/rights/ulsan                         | memberId
            a statement date       | /api/members/KR-ULSAN/dues?asOf=yesterday | asOf
            """)
    void malformedQueriesAreProblems(String what, String path, String field) throws Exception {
        assertProblem(get(path), 400, "malformed-request", field);
    }

    @Test
    void anUnknownMemberIsNotFound() throws Exception {
        assertProblem(get("/api/rights/KR-NOBODY-AT-ALL"), 404, "not-found", "id");
        assertProblem(get("/api/members/KR-NOBODY-AT-ALL/dues"), 404, "not-found", "id");
        assertProblem(get("/api/rights/KR-NOBODY-AT-ALL/history"), 404, "not-found", "id");
    }

    private long pay(PaymentId payment, int year, Money paid, String paidOn) {
        return append(member, new DuesPaid(new MemberId(member), payment, FiscalYear.of(year), paid,
                paid.currency().getCurrencyCode().equals("USD") ? paid : Money.of("1000", "USD"),
                LocalDate.parse(paidOn), "transfer"));
    }
}
