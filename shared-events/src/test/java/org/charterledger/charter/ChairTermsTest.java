package org.charterledger.charter;

import org.charterledger.charter.ChairTerms.Term;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CHARTER.md §5: NEAR's 13th and 14th chairs, and a postponed Assembly extending a term. */
class ChairTermsTest {

    private static final MemberId SAKHA = new MemberId("RU-SAKHA");
    private static final MemberId ULSAN = new MemberId("KR-ULSAN");

    /** Sakha from the opening balance to the close of GA13 (2021-08-10), then Ulsan, elected by GA13-M1. */
    private static final List<Term> NEAR = List.of(
            new Term(13, SAKHA, LocalDate.of(2021, 1, 1), LocalDate.of(2021, 8, 10), null),
            new Term(14, ULSAN, LocalDate.of(2021, 8, 10), null, new MotionId("GA13-M1")));

    @ParameterizedTest(name = "on {0}: {1}")
    @CsvSource({
            "2021-01-01, 13",
            "2021-08-09, 13",
            "2021-08-10, 14",   // the chair passes at the close of GA13
            "2023-10-25, 14",   // GA14 not yet closed: Ulsan still in office
            "2030-01-01, 14",   // a postponed GA extends the term until it closes
            "2020-12-31, ",     // before the ledger's record of the chair
    })
    void whoIsChairOnADate(LocalDate date, Integer ordinal) {
        assertThat(ChairTerms.on(NEAR, date).map(Term::ordinal).orElse(null)).isEqualTo(ordinal);
    }

    @ParameterizedTest
    @CsvSource({"13, 14", "14, 15"})
    void theAssemblyElectsTheHostOfTheNext(int electing, int elected) {
        assertThat(ChairTerms.electedOrdinal(electing)).isEqualTo(elected);
    }
}
