package org.charterledger.charter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** CHARTER.md §6: two-year terms, renewal notice, and replacement after two years without activity. */
class CoordinatorTermsTest {

    @ParameterizedTest
    @CsvSource({"2021-01-01, 2023-01-01", "2020-02-29, 2022-02-28", "2022-11-17, 2024-11-17"})
    void aTermLastsTwoYears(LocalDate start, LocalDate end) {
        assertThat(CoordinatorTerms.termEnd(start)).isEqualTo(end);
    }

    @ParameterizedTest(name = "term ends {0}, on {1}: due {2}")
    @CsvSource({
            "2023-01-01, 2022-10-02, false",  // 91 days before
            "2023-01-01, 2022-10-03, true",   // 90 days before
            "2023-01-01, 2022-12-31, true",
            "2023-01-01, 2023-01-01, true",   // the day it ends
            "2023-01-01, 2023-01-02, false",  // past: no longer a renewal but a lapse
    })
    void renewalIsDueWithinNinetyDaysOfTheTermsEnd(LocalDate termEnd, LocalDate date, boolean due) {
        assertThat(CoordinatorTerms.renewalDue(termEnd, date)).isEqualTo(due);
    }

    @ParameterizedTest(name = "last activity {0}, on {1}: replaceable {2}")
    @CsvSource({
            "2021-11-17, 2023-11-16, false",
            "2021-11-17, 2023-11-17, true",   // exactly two years after its last activity
            "2021-11-17, 2025-01-01, true",
            "2020-02-29, 2022-02-28, true",
    })
    void aCoordinatorWithoutActivityForTwoYearsIsReplaceable(LocalDate last, LocalDate date, boolean replaceable) {
        assertThat(CoordinatorTerms.replaceable(last, date)).isEqualTo(replaceable);
    }
}
