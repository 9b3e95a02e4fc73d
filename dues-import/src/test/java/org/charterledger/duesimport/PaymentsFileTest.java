package org.charterledger.duesimport;

import org.charterledger.duesimport.PaymentsFile.FieldError;
import org.charterledger.duesimport.PaymentsFile.Malformed;
import org.charterledger.duesimport.PaymentsFile.Row;
import org.charterledger.duesimport.PaymentsFile.UnreadableFile;
import org.charterledger.duesimport.PaymentsFile.Valid;
import org.charterledger.events.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentsFileTest {

    private static final String HEADER = "member,fiscal_year,amount_paid,currency,amount_credited,paid_on,reference\n";

    @Test
    void readsAWellFormedRowIntoAPaymentWithTheLedgersValueTypes() {
        List<Row> rows = PaymentsFile.parse(HEADER + "RU-TYVA,2021,1180000,KRW,1000,2021-03-02,IBK 20210302-0214\n");

        Payment payment = ((Valid) rows.get(0)).payment();
        assertThat(payment.line()).isEqualTo(2);
        assertThat(payment.member().value()).isEqualTo("RU-TYVA");
        assertThat(payment.fiscalYear().value()).isEqualTo(2021);
        assertThat(payment.paid()).isEqualTo(Money.of("1180000", "KRW"));
        assertThat(payment.credited()).isEqualTo(Money.of("1000.00", "USD"));
        assertThat(payment.paidOn()).isEqualTo(LocalDate.of(2021, 3, 2));
        assertThat(payment.reference()).isEqualTo("IBK 20210302-0214");
    }

    @Test
    void anEmptyCreditedAmountIsLeftToTheLedger() {
        Payment payment = ((Valid) PaymentsFile.parse(HEADER + "JP-NIIGATA,2021,1000.00,USD,,2021-03-25,IBK 1\n")
                .get(0)).payment();

        assertThat(payment.credited()).isNull();
        assertThat(payment.body()).doesNotContainKey("credited");
    }

    @Test
    void columnsMayComeInAnyOrderAndCellsAreTrimmedAndQuotedAsASpreadsheetSavesThem() {
        List<Row> rows = PaymentsFile.parse("\uFEFFReference, Paid On ,member,fiscal_year,amount_paid,currency,amount_credited\n"
                + "\"IBK 20210426-0091, first half\", 2021-04-26 ,MN-ULAANBAATAR,2021,565000,KRW,500.00\n");

        Payment payment = ((Valid) rows.get(0)).payment();
        assertThat(payment.reference()).isEqualTo("IBK 20210426-0091, first half");
        assertThat(payment.paidOn()).isEqualTo(LocalDate.of(2021, 4, 26));
    }

    @Test
    void eachRowKeepsTheLineItStartsOnPastBlankLinesAndQuotedLineBreaks() {
        List<Row> rows = PaymentsFile.parse(HEADER
                + "RU-TYVA,2021,1180000,KRW,1000,2021-03-02,\"two\nlines\"\n"
                + "\n"
                + "RU-SAKHA,2021,1109500,KRW,1000,2021-03-02,IBK 20210302-0208\n"
                + ",,,,,,\n"
                + "KR-ULSAN,2021,1118000,KRW,1000,2021-02-15,IBK 20210215-0112");

        assertThat(rows).extracting(Row::line).containsExactly(2, 5, 7);
        assertThat(rows.get(0)).isInstanceOf(Malformed.class);
        assertThat(rows.get(1)).isInstanceOf(Valid.class);
    }

    @ParameterizedTest(name = "{0}={1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            member          | ru-tyva        | member-id
            member          | XX-            | member-id
            member          | ''             | required
            fiscal_year     | 21             | fiscal-year
            fiscal_year     | 1995           | fiscal-year
            fiscal_year     | 2201           | fiscal-year
            fiscal_year     | 2021.0         | fiscal-year
            amount_paid     | 1,180,000      | decimal
            amount_paid     | ₩1180000       | decimal
            amount_paid     | -5             | decimal
            amount_paid     | 1e6            | decimal
            amount_paid     | 0              | positive
            amount_paid     | 1180000.5      | currency-decimals
            amount_paid     | 1234567890123456 | amount-range
            amount_paid     | ''             | required
            currency        | krw            | currency
            currency        | XYZ            | currency
            amount_credited | 1000.001       | currency-decimals
            amount_credited | 0.00           | positive
            paid_on         | 02/03/2021     | date
            paid_on         | 2021-02-30     | date
            paid_on         | 1989-12-31     | date-range
            reference       | ''             | required
            """)
    void aMalformedCellIsReportedWithItsColumnAndRule(String column, String value, String rule) {
        List<String> cells = new java.util.ArrayList<>(List.of(
                "RU-TYVA", "2021", "1180000", "KRW", "1000", "2021-03-02", "IBK 20210302-0214"));
        cells.set(PaymentsFile.COLUMNS.indexOf(column), value.contains(",") ? '"' + value + '"' : value);

        Row row = PaymentsFile.parse(HEADER + String.join(",", cells) + "\n").get(0);

        assertThat(row).isInstanceOf(Malformed.class);
        assertThat(((Malformed) row).errors()).containsExactly(
                new FieldError(column, rule, ((Malformed) row).errors().get(0).detail()));
    }

    @Test
    void everyFieldAtFaultInARowIsReportedAtOnce() {
        Malformed row = (Malformed) PaymentsFile.parse(HEADER + "ru-tyva,21,1.5,KRW,,02/03/2021,\n").get(0);

        assertThat(row.errors()).extracting(FieldError::field)
                .containsExactly("member", "fiscal_year", "amount_paid", "paid_on", "reference");
    }

    @Test
    void aReferenceLongerThanTheApiTakesOrWithALineBreakIsMalformed() {
        Malformed tooLong = (Malformed) PaymentsFile.parse(HEADER + "RU-TYVA,2021,1,KRW,1,2021-03-02,"
                + "x".repeat(PaymentsFile.MAX_REFERENCE + 1) + "\n").get(0);
        Malformed lineBreak = (Malformed) PaymentsFile.parse(HEADER + "RU-TYVA,2021,1,KRW,1,2021-03-02,\"a\nb\"\n")
                .get(0);

        assertThat(tooLong.errors()).extracting(FieldError::rule).containsExactly("length");
        assertThat(lineBreak.errors()).extracting(FieldError::rule).containsExactly("no-control-characters");
    }

    @Test
    void aRowWithTooFewOrTooManyCellsIsMalformed() {
        List<Row> rows = PaymentsFile.parse(HEADER + "RU-TYVA,2021,1180000\nRU-TYVA,2021,1,KRW,1,2021-03-02,r,extra\n");

        assertThat(rows).allSatisfy(row -> assertThat(((Malformed) row).errors())
                .extracting(FieldError::field, FieldError::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("row", "cells-per-row")));
    }

    @Test
    void theSamePaymentTwiceInOneFileIsMalformedTheSecondTimeAndNamesTheFirst() {
        List<Row> rows = PaymentsFile.parse(HEADER
                + "RU-TYVA,2021,1180000,KRW,1000,2021-03-02,IBK 1\n"
                + "RU-TYVA,2021,1180000,KRW,1000,2021-03-02,IBK 2\n"
                + "RU-TYVA,2021,1190000,KRW,1000,2021-03-02,IBK 1\n");

        assertThat(rows.get(0)).isInstanceOf(Valid.class);
        assertThat(rows.get(1)).isInstanceOf(Valid.class);
        FieldError duplicate = ((Malformed) rows.get(2)).errors().get(0);
        assertThat(duplicate.rule()).isEqualTo("one-row-per-payment");
        assertThat(duplicate.detail()).contains("line 2");
    }

    @Test
    void aFileWithoutTheColumnsIsRefusedAsAWhole() {
        assertThatThrownBy(() -> PaymentsFile.parse(""))
                .isInstanceOf(UnreadableFile.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> PaymentsFile.parse("member,fiscal_year,amount,currency\n"))
                .isInstanceOf(UnreadableFile.class).hasMessageContaining("unknown column 'amount'");
        assertThatThrownBy(() -> PaymentsFile.parse("member,fiscal_year,amount_paid,currency,paid_on,reference\n"))
                .isInstanceOf(UnreadableFile.class).hasMessageContaining("amount_credited");
        assertThatThrownBy(() -> PaymentsFile.parse(HEADER.strip() + ",member\n"))
                .isInstanceOf(UnreadableFile.class).hasMessageContaining("named twice");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAsAWhole() throws Exception {
        Path file = Files.createTempFile("payments", ".csv");
        try {
            Files.write(file, (HEADER + "RU-TYVA,2021,1,KRW,1,2021-03-02,Caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));

            assertThatThrownBy(() -> PaymentsFile.read(file))
                    .isInstanceOf(UnreadableFile.class).hasMessageContaining("not UTF-8");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theShippedSampleIsWellFormedThroughout() {
        List<Row> rows = PaymentsFile.read(Path.of("samples/near-dues-2021.csv"));

        assertThat(rows).hasSize(11).allSatisfy(row -> assertThat(row).isInstanceOf(Valid.class));
    }
}
