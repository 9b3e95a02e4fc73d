package org.charterledger.charter;

import org.charterledger.events.MotionKind;
import org.charterledger.events.Tally;

/**
 * How a motion is decided: the quorum and the threshold of Charter Art. 9 and of the Subcommittee Regulation, in
 * exact integer arithmetic (CHARTER.md §4). E is the size of the voter roll, P the members on it present (for a
 * written ballot, that returned a ballot). The base of a threshold is the members present, not the votes cast: an
 * abstention, or a present member that does not vote, counts against. Every test is written with its integers
 * and the sign that holds between them ({@code 3·39 = 117 < 2·60 = 120} for a failed threshold), never a false one.
 */
public enum DecisionRule {

    /** Category A (Art. 8 items 1–5): quorum 2·P &gt; E; passes when 3·yes ≥ 2·P (Art. 9(2)). */
    CATEGORY_A("Charter Art. 9(2)") {
        @Override
        Tally decide(int e, int p, int yes, int no, int abstain) {
            return tally(e, p, yes, no, abstain,
                    greaterThan("2·" + p, 2L * p, "" + e, e),
                    atLeast("3·" + yes, 3L * yes, "2·" + p, 2L * p));
        }
    },
    /** Category B (Art. 8 items 6–11): quorum 2·P &gt; E; passes when 2·yes &gt; P (Art. 9(3)). */
    CATEGORY_B("Charter Art. 9(3)") {
        @Override
        Tally decide(int e, int p, int yes, int no, int abstain) {
            return tally(e, p, yes, no, abstain,
                    greaterThan("2·" + p, 2L * p, "" + e, e),
                    greaterThan("2·" + yes, 2L * yes, "" + p, p));
        }
    },
    /**
     * The replacement of a subcommittee coordinator by the EC: half or more of the members with a vote attend
     * (2·P ≥ E) and more than half of the votes cast are in favour (2·yes &gt; yes + no + abstain). <b>Reading:</b>
     * "votes cast" counts abstentions.
     */
    COORDINATOR_REPLACEMENT("Subcommittee Regulation Art. 5(7), 5(8)") {
        @Override
        Tally decide(int e, int p, int yes, int no, int abstain) {
            long cast = (long) yes + no + abstain;
            return tally(e, p, yes, no, abstain,
                    atLeast("2·" + p, 2L * p, "" + e, e),
                    greaterThan("2·" + yes, 2L * yes, yes + " + " + no + " + " + abstain, cast));
        }
    };

    private final String article;

    DecisionRule(String article) {
        this.article = article;
    }

    public String article() {
        return article;
    }

    /**
     * The rule for a motion of a kind: an Art. 8 function by its item, a coordinator's replacement by its own rule.
     * <b>Reading:</b> the Executive Committee's decisions on subcommittees (Art. 11(4)) are taken by the rule of
     * Art. 9(3), category B: the Charter states no other, and the EC decides what the GA delegates "with the same
     * rules" (Art. 9-2).
     */
    public static DecisionRule forMotion(MotionKind kind, Integer item) {
        return switch (kind) {
            case COORDINATOR_REPLACEMENT -> COORDINATOR_REPLACEMENT;
            case SUBCOMMITTEE -> CATEGORY_B;
            case ARTICLE_8 -> forItem(item);
        };
    }

    /** The rule for a General Assembly function of Charter Art. 8: items 1–5 are category A, 6–11 category B. */
    public static DecisionRule forItem(int item) {
        if (item < 1 || item > 11) {
            throw new IllegalArgumentException("Charter Art. 8 has items 1 to 11");
        }
        return item <= 5 ? CATEGORY_A : CATEGORY_B;
    }

    /** The outcome of a vote, with its arithmetic. */
    public Tally tally(int rollSize, int present, int yes, int no, int abstain) {
        if (rollSize < 0 || present < 0 || present > rollSize || yes < 0 || no < 0 || abstain < 0
                || yes + no + abstain > present) {
            throw new IllegalArgumentException("need 0 ≤ yes + no + abstain ≤ P ≤ E");
        }
        return decide(rollSize, present, yes, no, abstain);
    }

    /** How many more votes in favour would make the motion pass, the members present and their votes as they are. */
    public int yesStillNeeded(int rollSize, int present, int yes, int no, int abstain) {
        int more = 0;
        int voted = yes + no + abstain;
        while (!tally(rollSize, present, yes + more, no, abstain).thresholdMet()) {
            if (voted + more >= present) {
                return -1;
            }
            more++;
        }
        return more;
    }

    abstract Tally decide(int e, int p, int yes, int no, int abstain);

    /**
     * The recorded arithmetic of a decision with its tests written from its own numbers, so that each inequality
     * holds as written. Decisions recorded before the ledger wrote a failed test with its true sign (a failed
     * threshold read "3·39 = 117 ≥ 2·60 = 120") are shown with it; their numbers and outcome are as recorded.
     */
    public static Tally restate(Tally recorded) {
        Tally written;
        try {
            written = valueOf(recorded.rule()).tally(recorded.rollSize(), recorded.present(), recorded.yes(),
                    recorded.no(), recorded.abstain());
        } catch (IllegalArgumentException impossible) {
            return recorded; // not counts this rule can have produced: shown as recorded, for the audit to flag
        }
        return new Tally(recorded.rule(), recorded.article(), recorded.rollSize(), recorded.present(), recorded.yes(),
                recorded.no(), recorded.abstain(), recorded.notVoting(), recorded.quorumHolds(), written.quorumTest(),
                recorded.thresholdMet(), written.thresholdTest());
    }

    /** A test, written with its integers and the sign that holds between them. */
    record Comparison(boolean holds, String written) {
    }

    static Comparison greaterThan(String leftTerm, long left, String rightTerm, long right) {
        boolean holds = left > right;
        return new Comparison(holds, side(leftTerm, left) + (holds ? " > " : " ≤ ") + side(rightTerm, right));
    }

    static Comparison atLeast(String leftTerm, long left, String rightTerm, long right) {
        boolean holds = left >= right;
        return new Comparison(holds, side(leftTerm, left) + (holds ? " ≥ " : " < ") + side(rightTerm, right));
    }

    /** "3·26 = 78", or just "78" when the term is the number itself. */
    private static String side(String term, long value) {
        return term.equals(Long.toString(value)) ? term : term + " = " + value;
    }

    Tally tally(int e, int p, int yes, int no, int abstain, Comparison quorum, Comparison threshold) {
        return new Tally(name(), article, e, p, yes, no, abstain, p - yes - no - abstain, quorum.holds(),
                quorum.written(), threshold.holds(), threshold.written());
    }
}
