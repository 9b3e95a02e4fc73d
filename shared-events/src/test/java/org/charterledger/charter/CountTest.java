package org.charterledger.charter;

import org.charterledger.events.Choice;
import org.charterledger.events.MemberId;
import org.charterledger.events.Outcome;
import org.charterledger.events.Procedure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CHARTER.md §3 and §4 on who counts as present: a returned ballot counts as presence; only attendance of parties on
 * the roll counts; the base is the members present, so a present member that does not vote counts against.
 * Members are written by their letter (A is KR-A); ballots as {@code A:YES}.
 */
class CountTest {

    @ParameterizedTest(name = "{0}: {1} roll [{2}] ballots [{3}] attending [{4}] → P={5}")
    @CsvSource(delimiter = '|', value = {
            "a returned ballot counts as presence          | WRITTEN_BALLOT | A B C   | A:YES B:YES     |       | 2 | A B     | C     | 2 | 0 | 0 | PASSED",
            "a written ballot reads no attendance          | WRITTEN_BALLOT | A B C D | A:YES           | B C D | 1 | A       | B C D | 1 | 0 | 0 | NO_QUORUM",
            "at a sitting, attending members are present   | SITTING        | A B C D | A:YES           | B C   | 3 | A B C   | B C D | 1 | 0 | 0 | FAILED",
            "only attendance of parties on the roll counts | SITTING        | A B C   | A:YES B:YES     | X Y Z | 2 | A B     | C     | 2 | 0 | 0 | PASSED",
            "a voter is present whether it attended or not | SITTING        | A B C   | A:YES B:NO C:ABSTAIN | A | 3 | A B C |   | 1 | 1 | 1 | FAILED",
            "present and not voting counts against         | SITTING        | A B C D E | A:YES B:YES   | A B C D | 4 | A B C D | C D E | 2 | 0 | 0 | FAILED",
            "nobody present                                | SITTING        | A B     |                 |       | 0 |         | A B   | 0 | 0 | 0 | NO_QUORUM",
    })
    void countsWhoIsPresentAndHowTheyVoted(String reading, Procedure procedure, String roll, String ballots,
                                           String attendance, int present, String presentMembers, String notVoted,
                                           int yes, int no, int abstain, Outcome outcome) {
        Count count = Count.of(DecisionRule.CATEGORY_B, procedure, members(roll), ballots(ballots),
                members(attendance));

        assertThat(count.present()).hasSize(present).containsExactlyElementsOf(members(presentMembers));
        assertThat(count.notVoted()).containsExactlyElementsOf(members(notVoted));
        assertThat(count.votes()).containsExactly(Map.entry(Choice.YES, yes), Map.entry(Choice.NO, no),
                Map.entry(Choice.ABSTAIN, abstain));
        assertThat(count.tally().rollSize()).isEqualTo(members(roll).size());
        assertThat(count.tally().present()).isEqualTo(present);
        assertThat(count.tally().outcome()).isEqualTo(outcome);
    }

    /** CHARTER.md §4's example rows, counted from ballots and attendance: the numbers reach the rule unchanged. */
    @ParameterizedTest(name = "{0} E={1} P={2} yes={3} no={4} abstain={5}: {6}")
    @CsvSource({
            "CATEGORY_A, 78, 76, 76,  0,  0, PASSED",
            "CATEGORY_A, 78, 39, 39,  0,  0, NO_QUORUM",
            "CATEGORY_A, 78, 40, 26, 10,  4, FAILED",
            "CATEGORY_A, 78, 40, 27, 13,  0, PASSED",
            "CATEGORY_B, 78, 40, 20, 20,  0, FAILED",
            "CATEGORY_B, 78, 40, 21,  5, 14, PASSED",
    })
    void theCharterExamplesCountedFromTheirBallots(DecisionRule rule, int e, int p, int yes, int no, int abstain,
                                                   Outcome outcome) {
        List<MemberId> roll = java.util.stream.IntStream.rangeClosed(1, e).mapToObj(i -> new MemberId("KR-M" + i))
                .toList();
        Map<MemberId, Choice> ballots = new LinkedHashMap<>();
        for (int i = 0; i < yes + no + abstain; i++) {
            ballots.put(roll.get(i), i < yes ? Choice.YES : i < yes + no ? Choice.NO : Choice.ABSTAIN);
        }

        Count count = Count.of(rule, Procedure.SITTING, roll, ballots, roll.subList(0, p));

        assertThat(count.tally()).isEqualTo(rule.tally(e, p, yes, no, abstain));
        assertThat(count.tally().outcome()).isEqualTo(outcome);
        assertThat(count.notVoted()).hasSize(e - yes - no - abstain);
    }

    @Test
    void countsTheVotesStillNeededFromTheCount() {
        List<MemberId> roll = members("A B C D E F");
        Count count = Count.of(DecisionRule.CATEGORY_A, Procedure.SITTING, roll, ballots("A:YES B:NO"),
                members("A B C D"));

        assertThat(count.yesStillNeeded()).isEqualTo(DecisionRule.CATEGORY_A.yesStillNeeded(6, 4, 1, 1, 0));
    }

    private static List<MemberId> members(String letters) {
        return letters == null ? List.of()
                : Arrays.stream(letters.trim().split(" +")).filter(s -> !s.isEmpty()).map(l -> new MemberId("KR-" + l))
                .toList();
    }

    private static Map<MemberId, Choice> ballots(String ballots) {
        Map<MemberId, Choice> cast = new LinkedHashMap<>();
        for (String ballot : ballots == null ? new String[0] : ballots.trim().split(" +")) {
            String[] parts = ballot.split(":");
            cast.put(new MemberId("KR-" + parts[0]), Choice.valueOf(parts[1]));
        }
        return cast;
    }
}
