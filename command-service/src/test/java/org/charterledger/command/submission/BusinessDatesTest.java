package org.charterledger.command.submission;

import org.charterledger.events.FiscalYear;
import org.charterledger.events.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Request fields checked against today (2023-06-01 here): each refusal names the field and the rule. */
class BusinessDatesTest {

    private final BusinessDates dates = new BusinessDates(
            Clock.fixed(LocalDate.of(2023, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "accepted", value = {
            "2023-06-01, accepted",
            "1996-01-01, accepted",
            "2023-06-02, not-in-the-future",
            "2200-12-31, not-in-the-future",
    })
    void aDateIsTodayOrBefore(LocalDate date, String rule) {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> dates.notInTheFuture("paidOn", date));

        if (rule == null) {
            assertThat(refused).isNull();
        } else {
            assertThat(refused.field()).isEqualTo("paidOn");
            assertThat(refused.rule()).isEqualTo(rule);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "accepted", value = {
            "1996, accepted",
            "2024, accepted",   // a member may pay next year's dues in advance
            "2025, fiscal-year-range",
    })
    void aFiscalYearIsAtMostNextYear(int year, String rule) {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class,
                () -> dates.upToNextYear("fiscalYear", FiscalYear.of(year)));

        if (rule == null) {
            assertThat(refused).isNull();
        } else {
            assertThat(refused.field()).isEqualTo("fiscalYear");
            assertThat(refused.rule()).isEqualTo(rule);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "-1000", "-0.01"})
    void anAmountIsMoreThanZero(String amount) {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class,
                () -> BusinessDates.positive("paid", Money.of(amount, "USD")));

        assertThat(refused.field()).isEqualTo("paid.amount");
        assertThat(refused.rule()).isEqualTo("positive");
    }
}
