package org.charterledger.charter;

import org.charterledger.events.Body;
import org.charterledger.events.MotionKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** CHARTER.md §4, delegation to the EC (Art. 9-2) and the coordinator's replacement. */
class DelegationTest {

    @ParameterizedTest(name = "{0} {1} item {2}, GA that year: {3} -> {4} {5}")
    @CsvSource({
            "GA, ARTICLE_8,                1,  true,  allowed,",
            "GA, ARTICLE_8,                9,  false, allowed,",
            "EC, ARTICLE_8,                1,  false, allowed,",
            "EC, ARTICLE_8,                7,  false, allowed,",
            "EC, ARTICLE_8,                8,  false, allowed,",
            "EC, ARTICLE_8,                2,  false, ec-items,          Charter Art. 9-2",
            "EC, ARTICLE_8,                9,  false, ec-items,          Charter Art. 9-2",
            "EC, ARTICLE_8,                1,  true,  ec-in-ga-year,     Charter Art. 9-2",
            "EC, ARTICLE_8,                8,  true,  ec-in-ga-year,     Charter Art. 9-2",
            "GA, ARTICLE_8,                12, false, article-8-item,    Charter Art. 8",
            "GA, ARTICLE_8,                ,   false, article-8-item,    Charter Art. 8",
            "EC, COORDINATOR_REPLACEMENT,  ,   true,  allowed,",
            "GA, COORDINATOR_REPLACEMENT,  ,   false, replacement-by-ec, Subcommittee Regulation Art. 5(7)",
            "EC, SUBCOMMITTEE,             ,   true,  allowed,",
            "GA, SUBCOMMITTEE,             ,   false, subcommittee-by-ec, Charter Art. 11(4)",
    })
    void whoMayDecideWhat(Body body, MotionKind kind, Integer item, boolean gaYear, String expected, String article) {
        var violation = Delegation.check(body, kind, item, gaYear);

        assertThat(violation.map(RuleViolation::rule).orElse("allowed")).isEqualTo(expected);
        assertThat(violation.map(RuleViolation::article).orElse(null)).isEqualTo(article);
    }
}
