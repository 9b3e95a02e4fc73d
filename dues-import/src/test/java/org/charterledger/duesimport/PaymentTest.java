package org.charterledger.duesimport;

import org.charterledger.duesimport.PaymentsFile.Valid;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentTest {

    private static final String HEADER = "member,fiscal_year,amount_paid,currency,amount_credited,paid_on,reference\n";
    private static final String TYVA = "RU-TYVA,2021,1180000,KRW,1000.00,2021-03-02,IBK 20210302-0214";

    private static Payment read(String header, String... rows) {
        return ((Valid) PaymentsFile.parse(header + String.join("\n", rows) + "\n").get(rows.length - 1)).payment();
    }

    @Test
    void theKeyIsTheMemberTheYearAndAHashOfWhatIdentifiesTheTransfer() {
        // sha256("RU-TYVA\n2021\n2021-03-02\nIBK 20210302-0214"), worked out by hand with sha256sum
        assertThat(read(HEADER, TYVA).idempotencyKey()).isEqualTo(
                "dues-import/RU-TYVA/2021/a66339a924976b8043ad13690152c858b054592ea6821c0584300c450e43ccfc");
    }

    @Test
    void theKeyDoesNotDependOnTheFileItsLineOrItsNeighbours() {
        Payment alone = read(HEADER, TYVA);
        Payment later = read("reference,paid_on,amount_credited,currency,amount_paid,fiscal_year,member\n",
                "KEB x,2021-01-01,1000,KRW,1,2021,KR-ULSAN",
                "IBK 20210302-0214 ,2021-03-02,1000.00,KRW,1180000,2021,RU-TYVA");

        assertThat(later.line()).isNotEqualTo(alone.line());
        assertThat(later.idempotencyKey()).isEqualTo(alone.idempotencyKey());
    }

    @Test
    void aCorrectedAmountKeepsTheKeySoTheLedgerRefusesItInsteadOfRecordingASecondPayment() {
        Payment recorded = read(HEADER, TYVA);
        Payment corrected = read(HEADER, "RU-TYVA,2021,1190000,KRW,1000.00,2021-03-02,IBK 20210302-0214");

        assertThat(corrected.idempotencyKey()).isEqualTo(recorded.idempotencyKey());
        assertThat(corrected.body()).isNotEqualTo(recorded.body());
    }

    @Test
    void anotherTransferHasAnotherKey() {
        String key = read(HEADER, TYVA).idempotencyKey();

        assertThat(read(HEADER, "RU-SAKHA,2021,1180000,KRW,1000.00,2021-03-02,IBK 20210302-0214").idempotencyKey())
                .isNotEqualTo(key);
        assertThat(read(HEADER, "RU-TYVA,2022,1180000,KRW,1000.00,2021-03-02,IBK 20210302-0214").idempotencyKey())
                .isNotEqualTo(key);
        assertThat(read(HEADER, "RU-TYVA,2021,1180000,KRW,1000.00,2021-03-03,IBK 20210302-0214").idempotencyKey())
                .isNotEqualTo(key);
        assertThat(read(HEADER, "RU-TYVA,2021,1180000,KRW,1000.00,2021-03-02,IBK 20210302-0215").idempotencyKey())
                .isNotEqualTo(key);
    }

    @Test
    void theKeyIsPrintableAsciiWithinTheLedgersLimitEvenForTheLongestIdAndAnyReference() {
        String longestId = "KR-" + "A".repeat(61);
        Payment payment = read(HEADER, longestId + ",2021,1,KRW,1,2021-03-02,\u6e05\u5dde \u00e9\u00e8 \ud83c\udfe6");

        assertThat(payment.idempotencyKey()).hasSizeLessThanOrEqualTo(150)
                .matches("[\\x21-\\x7e]+");
    }

    @Test
    void theBodyIsThePaymentsApiRequestWithAmountsAsStrings() {
        assertThat(read(HEADER, TYVA).body()).isEqualTo(Map.of(
                "fiscalYear", 2021,
                "paid", Map.of("amount", "1180000", "currency", "KRW"),
                "credited", Map.of("amount", "1000.00", "currency", "USD"),
                "paidOn", "2021-03-02",
                "reference", "IBK 20210302-0214"));
    }
}
