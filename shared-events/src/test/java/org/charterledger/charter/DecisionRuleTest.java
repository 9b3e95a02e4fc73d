package org.charterledger.charter;

import org.charterledger.events.Outcome;
import org.charterledger.events.Tally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DecisionRuleTest {

    /** CHARTER.md §4, the examples row by row. */
    @ParameterizedTest(name = "{0} E={1} P={2} yes={3} no={4} abstain={5}: {7}")
    @CsvSource({
            "CATEGORY_A, 78, 76, 76,  0,  0, true,  PASSED",    // 13th GA: admission of Liaoning
            "CATEGORY_B, 78, 76, 76,  0,  0, true,  PASSED",    // 13th GA: Ulsan elected next host and chair
            "CATEGORY_A, 78, 39, 39,  0,  0, false, NO_QUORUM", // 2·39 = 78, not > 78
            "CATEGORY_A, 78, 40, 26, 10,  4, true,  FAILED",    // 3·26 = 78 < 80
            "CATEGORY_A, 78, 40, 27, 13,  0, true,  PASSED",    // 81 ≥ 80
            "CATEGORY_B, 78, 40, 20, 20,  0, true,  FAILED",    // 40 not > 40
            "CATEGORY_B, 78, 40, 21,  5, 14, true,  PASSED",
    })
    void charterExamples(DecisionRule rule, int e, int p, int yes, int no, int abstain, boolean quorum,
                         Outcome outcome) {
        Tally tally = rule.tally(e, p, yes, no, abstain);

        assertThat(tally.quorumHolds()).isEqualTo(quorum);
        assertThat(tally.outcome()).isEqualTo(outcome);
        assertThat(tally.notVoting()).isEqualTo(p - yes - no - abstain);
    }

    @ParameterizedTest(name = "{0} E={1} P={2} yes={3} no={4} abstain={5}: {6}")
    @CsvSource({
            // exactly half present: no quorum for A and B, quorum for a coordinator's replacement
            "CATEGORY_A,              10,  5,  5, 0, 0, NO_QUORUM",
            "CATEGORY_B,              10,  5,  5, 0, 0, NO_QUORUM",
            "COORDINATOR_REPLACEMENT, 10,  5,  3, 2, 0, PASSED",
            "CATEGORY_A,              10,  6,  4, 2, 0, PASSED",     // exactly two-thirds: 12 ≥ 12
            "CATEGORY_A,              10,  6,  3, 3, 0, FAILED",     // 9 < 12
            "CATEGORY_A,              10,  6,  4, 0, 0, PASSED",     // two present not voting count against, yet 12 ≥ 12
            "CATEGORY_B,              10,  6,  3, 0, 0, FAILED",     // 6 not > 6: the base is P, not the votes
            "CATEGORY_A,               0,  0,  0, 0, 0, NO_QUORUM",  // E = 0: 0 is not > 0
            "CATEGORY_B,               0,  0,  0, 0, 0, NO_QUORUM",
            "COORDINATOR_REPLACEMENT,  0,  0,  0, 0, 0, FAILED",     // 0 ≥ 0, but 0 is not > 0 votes cast
            "COORDINATOR_REPLACEMENT, 10,  4,  4, 0, 0, NO_QUORUM",  // 8 < 10
            "COORDINATOR_REPLACEMENT, 10,  6,  3, 2, 1, FAILED",     // abstentions are votes cast: 6 not > 6
            "COORDINATOR_REPLACEMENT, 10,  6,  3, 2, 0, PASSED",     // a present member not voting is not a vote cast
    })
    void boundaries(DecisionRule rule, int e, int p, int yes, int no, int abstain, Outcome outcome) {
        assertThat(rule.tally(e, p, yes, no, abstain).outcome()).isEqualTo(outcome);
    }

    @Test
    void showsTheIntegersCompared() {
        Tally tally = DecisionRule.CATEGORY_A.tally(78, 40, 26, 10, 4);

        assertThat(tally.quorumTest()).isEqualTo("2·40 = 80 > 78");
        assertThat(tally.thresholdTest()).isEqualTo("3·26 = 78 ≥ 2·40 = 80");
        assertThat(tally.article()).isEqualTo("Charter Art. 9(2)");
    }

    @ParameterizedTest
    @CsvSource({"1, CATEGORY_A", "5, CATEGORY_A", "6, CATEGORY_B", "9, CATEGORY_B", "11, CATEGORY_B"})
    void itemsOneToFiveAreCategoryA(int item, DecisionRule rule) {
        assertThat(DecisionRule.forItem(item)).isEqualTo(rule);
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatIllegalArgumentException().isThrownBy(() -> DecisionRule.CATEGORY_A.tally(10, 11, 0, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> DecisionRule.CATEGORY_A.tally(10, 5, 4, 2, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> DecisionRule.forItem(12));
    }

    @Test
    void countsTheVotesStillNeeded() {
        assertThat(DecisionRule.CATEGORY_A.yesStillNeeded(78, 40, 20, 0, 0)).isEqualTo(7);  // 3·27 = 81 ≥ 80
        assertThat(DecisionRule.CATEGORY_B.yesStillNeeded(78, 40, 21, 0, 0)).isZero();
        assertThat(DecisionRule.CATEGORY_A.yesStillNeeded(78, 40, 20, 15, 0)).isEqualTo(-1); // 5 left, 7 needed
    }
}
