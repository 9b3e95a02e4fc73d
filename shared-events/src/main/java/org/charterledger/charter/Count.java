package org.charterledger.charter;

import org.charterledger.events.Choice;
import org.charterledger.events.MemberId;
import org.charterledger.events.Procedure;
import org.charterledger.events.Tally;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who counts as present on a motion, and the count of its votes (Charter Art. 9; CHARTER.md §3, §4): the one count
 * that closing a motion records, that the motion's view shows while it is open, and that the audit re-derives from
 * the recorded events.
 * <p>
 * Present (P) are the members on the roll that voted (a returned written ballot counts as presence) and, at a
 * sitting, the members on the roll recorded as attending the meeting; only attendance of parties on the roll counts.
 * A present member that does not vote counts against the threshold: the base is P, not the votes cast.
 *
 * @param rollSize  E, the members on the frozen voter roll
 * @param present   the members counted as present, in id order
 * @param votes     the votes by choice, every choice counted (0 when none)
 * @param notVoted  the members on the roll that have not voted, in roll order
 * @param tally     the decision rule applied to these numbers
 */
public record Count(int rollSize, List<MemberId> present, Map<Choice, Integer> votes, List<MemberId> notVoted,
                    Tally tally) {

    public Count {
        present = List.copyOf(present);
        votes = Collections.unmodifiableMap(new EnumMap<>(votes)); // in the order of Choice, as shown
        notVoted = List.copyOf(notVoted);
    }

    /**
     * The count of a motion.
     *
     * @param roll       the members on the motion's frozen roll
     * @param ballots    each vote cast, by the member that cast it
     * @param attendance the members recorded as attending the motion's meeting (read only at a sitting)
     */
    public static Count of(DecisionRule rule, Procedure procedure, List<MemberId> roll, Map<MemberId, Choice> ballots,
                           Collection<MemberId> attendance) {
        Set<MemberId> present = new TreeSet<>(Comparator.comparing(MemberId::value));
        present.addAll(ballots.keySet());
        if (procedure == Procedure.SITTING) {
            roll.stream().filter(attendance::contains).forEach(present::add);
        }
        Map<Choice, Integer> votes = new EnumMap<>(Choice.class);
        for (Choice choice : Choice.values()) {
            votes.put(choice, (int) ballots.values().stream().filter(choice::equals).count());
        }
        List<MemberId> notVoted = roll.stream().filter(member -> !ballots.containsKey(member)).toList();
        Tally tally = rule.tally(roll.size(), present.size(), votes.get(Choice.YES), votes.get(Choice.NO),
                votes.get(Choice.ABSTAIN));
        return new Count(roll.size(), List.copyOf(present), votes, notVoted, tally);
    }

    public int yes() {
        return votes.get(Choice.YES);
    }

    /** How many more votes in favour would pass the motion, those present and their votes as they are; -1: none. */
    public int yesStillNeeded() {
        return DecisionRule.valueOf(tally.rule()).yesStillNeeded(rollSize, present.size(), yes(),
                votes.get(Choice.NO), votes.get(Choice.ABSTAIN));
    }
}
