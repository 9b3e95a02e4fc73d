package org.charterledger.charter;

import org.charterledger.events.Procedure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MeetingDaysTest {

    /** A meeting of three days, 2023-10-24 to 2023-10-26, and the one-day EC2022 of the README. */
    @ParameterizedTest(name = "{0} to {1}, {2} on {3}: {4}")
    @CsvSource(nullValues = "ok", value = {
            "2023-10-24, 2023-10-26, SITTING,        2023-10-24, ok",
            "2023-10-24, 2023-10-26, SITTING,        2023-10-26, ok",
            "2023-10-24, 2023-10-26, WRITTEN_BALLOT, 2023-10-25, ok",
            "2023-10-24, 2023-10-26, SITTING,        2023-10-23, vote-within-meeting",
            "2023-10-24, 2023-10-26, SITTING,        2023-10-27, vote-within-meeting",
            "2023-10-24, 2023-10-26, WRITTEN_BALLOT, 2023-10-23, vote-within-meeting",
            "2022-03-15, 2022-03-15, SITTING,        2022-03-15, ok",
            "2022-03-15, 2022-03-15, SITTING,        2000-01-01, vote-within-meeting",  // the backdated ballot
            "2021-08-10, 2021-08-10, WRITTEN_BALLOT, 2021-08-10, ok",                   // GA13, as imported
    })
    void aVoteFallsOnTheMeetingsDays(LocalDate first, LocalDate last, Procedure procedure, LocalDate castOn,
                                     String rule) {
        Optional<RuleViolation> violation = new MeetingDays(first, last).checkVote(procedure, castOn);

        assertThat(violation.map(RuleViolation::rule).orElse(null)).isEqualTo(rule);
    }

    @ParameterizedTest(name = "{0} to {1}, last vote {2}, decided {3}: {4}")
    @CsvSource(nullValues = {"ok", "none"}, value = {
            "2023-10-24, 2023-10-26, 2023-10-25, 2023-10-25, ok",
            "2023-10-24, 2023-10-26, 2023-10-25, 2023-10-26, ok",
            "2023-10-24, 2023-10-26, none,       2023-10-24, ok",
            "2023-10-24, 2023-10-26, 2023-10-25, 2023-10-24, decision-after-votes",
            "2023-10-24, 2023-10-26, 2023-10-25, 2023-10-27, decision-within-meeting",
            "2023-10-24, 2023-10-26, none,       2023-10-23, decision-within-meeting",
            "2022-03-15, 2022-03-15, 2022-03-15, 2022-03-15, ok",
            "2022-03-15, 2022-03-15, 2022-03-15, 2024-06-01, decision-within-meeting",  // decided on a later day
    })
    void aDecisionFallsOnTheMeetingsDaysOnOrAfterTheLastVote(LocalDate first, LocalDate last, LocalDate lastVote,
                                                             LocalDate decidedOn, String rule) {
        Optional<RuleViolation> violation = new MeetingDays(first, last).checkDecision(decidedOn, lastVote);

        assertThat(violation.map(RuleViolation::rule).orElse(null)).isEqualTo(rule);
    }

    @Test
    void aDateNotGivenIsTheMeetingsLastDayWhichNoVoteComesAfter() {
        MeetingDays days = new MeetingDays(LocalDate.of(2023, 10, 24), LocalDate.of(2023, 10, 26));

        assertThat(days.byDefault()).isEqualTo(LocalDate.of(2023, 10, 26));
        assertThat(days.checkVote(Procedure.SITTING, days.byDefault())).isEmpty();
        assertThat(days.checkDecision(days.byDefault(), LocalDate.of(2023, 10, 26))).isEmpty();
    }

    @Test
    void aMeetingEndsOnOrAfterItsFirstDay() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new MeetingDays(LocalDate.of(2023, 10, 24), LocalDate.of(2023, 10, 23)));
    }
}
