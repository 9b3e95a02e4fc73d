package org.charterledger.events;

/**
 * The arithmetic of a decision, as an auditor checks it by hand.
 *
 * @param rule           the rule applied, such as {@code CATEGORY_A}
 * @param article        the article that states it
 * @param rollSize       E: the members on the voter roll
 * @param present        P: members on the roll present (or, for a written ballot, that returned a ballot)
 * @param yes            votes in favour
 * @param no             votes against
 * @param abstain        abstentions
 * @param notVoting      members present that did not vote
 * @param quorumHolds    whether the quorum test holds
 * @param quorumTest     the quorum test with its integers, such as {@code 2·76 = 152 > 78}
 * @param thresholdMet   whether the threshold test holds
 * @param thresholdTest  the threshold test with its integers, such as {@code 3·76 = 228 ≥ 2·76 = 152}
 */
public record Tally(String rule, String article, int rollSize, int present, int yes, int no, int abstain,
                    int notVoting, boolean quorumHolds, String quorumTest, boolean thresholdMet,
                    String thresholdTest) {

    public Outcome outcome() {
        return !quorumHolds ? Outcome.NO_QUORUM : thresholdMet ? Outcome.PASSED : Outcome.FAILED;
    }
}
