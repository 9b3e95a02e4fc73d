package org.charterledger.charter;

import org.charterledger.events.Body;
import org.charterledger.events.MotionKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** CHARTER.md §4, delegation to the EC (Art. 9-2) and the coordinator's replacement. */
class DelegationTest {

    @ParameterizedTest(name = "{0} {1} item {2}, GA that year: {3} -> {4}")
    @CsvSource({
            "GA, ARTICLE_8,                1,  true,  allowed",
            "GA, ARTICLE_8,                9,  false, allowed",
            "EC, ARTICLE_8,                1,  false, allowed",
            "EC, ARTICLE_8,                7,  false, allowed",
            "EC, ARTICLE_8,                8,  false, allowed",
            "EC, ARTICLE_8,                2,  false, ec-items",
            "EC, ARTICLE_8,                9,  false, ec-items",
            "EC, ARTICLE_8,                1,  true,  ec-in-ga-year",
            "EC, ARTICLE_8,                8,  true,  ec-in-ga-year",
            "GA, ARTICLE_8,                12, false, article-8-item",
            "GA, ARTICLE_8,                ,   false, article-8-item",
            "EC, COORDINATOR_REPLACEMENT,  ,   true,  allowed",
            "GA, COORDINATOR_REPLACEMENT,  ,   false, replacement-by-ec",
    })
    void whoMayDecideWhat(Body body, MotionKind kind, Integer item, boolean gaYear, String expected) {
        var violation = Delegation.check(body, kind, item, gaYear);

        assertThat(violation.map(RuleViolation::rule).orElse("allowed")).isEqualTo(expected);
    }
}
