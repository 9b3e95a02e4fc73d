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
        assertThat(tally.thresholdTest()).isEqualTo("3·26 = 78 < 2·40 = 80");
        assertThat(tally.article()).isEqualTo("Charter Art. 9(2)");
    }

    /** Every test is written with the sign that holds between its integers, met or not (issue: GA14's amendment). */
    @ParameterizedTest(name = "{0} E={1} P={2} yes={3} no={4} abstain={5}: {6} / {8}")
    @CsvSource(delimiter = '|', value = {
            // category A: quorum 2·P > E, threshold 3·yes ≥ 2·P
            "CATEGORY_A | 78 | 76 | 76 |  0 | 0 | 2·76 = 152 > 78 | true  | 3·76 = 228 ≥ 2·76 = 152 | true",
            "CATEGORY_A | 78 | 39 | 39 |  0 | 0 | 2·39 = 78 ≤ 78  | false | 3·39 = 117 ≥ 2·39 = 78  | true",
            "CATEGORY_A | 78 | 60 | 39 | 21 | 0 | 2·60 = 120 > 78 | true  | 3·39 = 117 < 2·60 = 120 | false", // GA14
            "CATEGORY_A | 10 |  6 |  4 |  2 | 0 | 2·6 = 12 > 10   | true  | 3·4 = 12 ≥ 2·6 = 12     | true",
            "CATEGORY_A | 10 |  6 |  3 |  3 | 0 | 2·6 = 12 > 10   | true  | 3·3 = 9 < 2·6 = 12      | false",
            "CATEGORY_A |  0 |  0 |  0 |  0 | 0 | 2·0 = 0 ≤ 0     | false | 3·0 = 0 ≥ 2·0 = 0       | true",
            // category B: quorum 2·P > E, threshold 2·yes > P
            "CATEGORY_B | 78 | 40 | 21 |  5 | 14 | 2·40 = 80 > 78 | true  | 2·21 = 42 > 40          | true",
            "CATEGORY_B | 78 | 40 | 20 | 20 | 0 | 2·40 = 80 > 78  | true  | 2·20 = 40 ≤ 40          | false",
            "CATEGORY_B | 10 |  5 |  5 |  0 | 0 | 2·5 = 10 ≤ 10   | false | 2·5 = 10 > 5            | true",
            "CATEGORY_B | 10 |  6 |  3 |  0 | 0 | 2·6 = 12 > 10   | true  | 2·3 = 6 ≤ 6             | false",
            // coordinator's replacement: quorum 2·P ≥ E, threshold 2·yes > yes + no + abstain
            "COORDINATOR_REPLACEMENT | 10 | 5 | 3 | 2 | 0 | 2·5 = 10 ≥ 10 | true  | 2·3 = 6 > 3 + 2 + 0 = 5 | true",
            "COORDINATOR_REPLACEMENT | 10 | 4 | 4 | 0 | 0 | 2·4 = 8 < 10  | false | 2·4 = 8 > 4 + 0 + 0 = 4 | true",
            "COORDINATOR_REPLACEMENT | 10 | 6 | 3 | 2 | 1 | 2·6 = 12 ≥ 10 | true  | 2·3 = 6 ≤ 3 + 2 + 1 = 6 | false",
            "COORDINATOR_REPLACEMENT |  0 | 0 | 0 | 0 | 0 | 2·0 = 0 ≥ 0   | true  | 2·0 = 0 ≤ 0 + 0 + 0 = 0 | false",
    })
    void writesEachTestWithTheSignThatHolds(DecisionRule rule, int e, int p, int yes, int no, int abstain,
                                            String quorumTest, boolean quorumHolds, String thresholdTest,
                                            boolean thresholdMet) {
        Tally tally = rule.tally(e, p, yes, no, abstain);

        assertThat(tally.quorumTest()).isEqualTo(quorumTest);
        assertThat(tally.quorumHolds()).isEqualTo(quorumHolds);
        assertThat(tally.thresholdTest()).isEqualTo(thresholdTest);
        assertThat(tally.thresholdMet()).isEqualTo(thresholdMet);
    }

    /** Every written test holds, checked by evaluating it, over every count up to a roll of 12. */
    @Test
    void everyWrittenTestHolds() {
        for (DecisionRule rule : DecisionRule.values()) {
            for (int e = 0; e <= 12; e++) {
                for (int p = 0; p <= e; p++) {
                    for (int yes = 0; yes <= p; yes++) {
                        for (int no = 0; yes + no <= p; no++) {
                            for (int abstain = 0; yes + no + abstain <= p; abstain++) {
                                Tally tally = rule.tally(e, p, yes, no, abstain);
                                assertThat(holds(tally.quorumTest())).as(tally.quorumTest()).isTrue();
                                assertThat(holds(tally.thresholdTest())).as(tally.thresholdTest()).isTrue();
                            }
                        }
                    }
                }
            }
        }
    }

    /** Evaluates "a·b = c OP d·e = f" (or with sums, or a bare number) by its computed sides. */
    private static boolean holds(String test) {
        String[] sides = test.split(" (>|≥|<|≤) ");
        String op = test.replaceAll(".* (>|≥|<|≤) .*", "$1");
        long left = value(sides[0]);
        long right = value(sides[1]);
        return switch (op) {
            case ">" -> left > right;
            case "≥" -> left >= right;
            case "<" -> left < right;
            case "≤" -> left <= right;
            default -> throw new AssertionError(test);
        };
    }

    private static long value(String side) {
        String[] parts = side.split(" = ");
        String expression = parts[0];
        long computed;
        if (expression.contains("·")) {
            String[] factors = expression.split("·");
            computed = Long.parseLong(factors[0]) * Long.parseLong(factors[1]);
        } else {
            computed = java.util.Arrays.stream(expression.split(" \\+ ")).mapToLong(Long::parseLong).sum();
        }
        if (parts.length == 2) {
            assertThat(Long.parseLong(parts[1])).as(side).isEqualTo(computed);
        }
        return computed;
    }

    /** A decision recorded with a false sign is shown with the true one; its numbers and outcome stay as recorded. */
    @Test
    void restatesARecordedTestFromItsNumbers() {
        Tally stored = new Tally("CATEGORY_A", "Charter Art. 9(2)", 60, 60, 39, 21, 0, 0, true, "2·60 = 120 > 60",
                false, "3·39 = 117 ≥ 2·60 = 120");

        Tally shown = DecisionRule.restate(stored);

        assertThat(shown.thresholdTest()).isEqualTo("3·39 = 117 < 2·60 = 120");
        assertThat(shown.quorumTest()).isEqualTo("2·60 = 120 > 60");
        assertThat(shown).usingRecursiveComparison().ignoringFields("thresholdTest").isEqualTo(stored);
        assertThat(DecisionRule.restate(shown)).isEqualTo(shown);
    }

    /** CHARTER.md §4, the table of Art. 8 row by row: each item and its category (11 of 11). */
    @ParameterizedTest(name = "item {0}, {1}: category {2}")
    @CsvSource(delimiter = '|', value = {
            " 1 | admission or expulsion of members and associates                  | A",
            " 2 | dues                                                              | A",
            " 3 | amendment of the Charter                                          | A",
            " 4 | dissolution and liquidation                                       | A",
            " 5 | seat of the Secretariat                                           | A",
            " 6 | election of auditors                                              | B",
            " 7 | budget, settlement of accounts, programme of work                 | B",
            " 8 | matters under the Dues Regulation                                 | B",
            " 9 | the next General Assembly (host, and with it the next chair)      | B",
            "10 | work plans of the Association                                     | B",
            "11 | any other necessary matter                                        | B",
    })
    void eachItemOfArticle8HasItsCategory(int item, String subject, String category) {
        DecisionRule rule = DecisionRule.forItem(item);

        assertThat(rule).isEqualTo(DecisionRule.valueOf("CATEGORY_" + category));
        assertThat(rule.article()).isEqualTo(category.equals("A") ? "Charter Art. 9(2)" : "Charter Art. 9(3)");
        assertThat(DecisionRule.forMotion(org.charterledger.events.MotionKind.ARTICLE_8, item)).isEqualTo(rule);
    }

    @ParameterizedTest
    @CsvSource({"0", "12", "-1"})
    void article8HasNoOtherItem(int item) {
        assertThatIllegalArgumentException().isThrownBy(() -> DecisionRule.forItem(item));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"ARTICLE_8, 3, CATEGORY_A", "ARTICLE_8, 7, CATEGORY_B",
            "COORDINATOR_REPLACEMENT, none, COORDINATOR_REPLACEMENT", "SUBCOMMITTEE, none, CATEGORY_B"})
    void eachKindOfMotionHasItsRule(org.charterledger.events.MotionKind kind, Integer item, DecisionRule rule) {
        assertThat(DecisionRule.forMotion(kind, item)).isEqualTo(rule);
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
