package org.charterledger.charter;

import org.charterledger.events.LeftOff;
import org.charterledger.events.MemberId;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.RollEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who votes on a motion (Charter Art. 9(1)): each member not restricted for dues on the date of the meeting has
 * one vote; associates, observers and restricted members have none. The roll is fixed when the motion opens and
 * recorded with it, so that a replay always gives the same roll.
 */
public record VoterRoll(List<RollEntry> entries, List<LeftOff> leftOff) {

    public static VoterRoll at(Map<MemberId, PartyFacts> parties, DuesRates rates, LocalDate date) {
        List<RollEntry> entries = new ArrayList<>();
        List<LeftOff> leftOff = new ArrayList<>();
        parties.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(MemberId::value)))
                .forEach(party -> {
                    DuesStanding standing = DuesStanding.at(party.getValue(), rates, date);
                    if (standing.mayVote()) {
                        entries.add(new RollEntry(party.getKey(), standing.yearsInArrears()));
                    } else if (standing.category() != null) {
                        leftOff.add(new LeftOff(party.getKey(), standing.category(), standing.reason()
                                + " (" + String.join(", ", standing.articles()) + ")", standing.restrictedSince()));
                    }
                });
        return new VoterRoll(entries, leftOff);
    }

    public boolean contains(MemberId member) {
        return entries.stream().anyMatch(e -> e.member().equals(member));
    }

    /**
     * The category of a party on the roll's date, as the roll records it: a member when it is on the roll, else the
     * category it was left off with; empty when it was no party then.
     */
    public Optional<PartyCategory> categoryOf(MemberId party) {
        if (contains(party)) {
            return Optional.of(PartyCategory.MEMBER);
        }
        return leftOff.stream().filter(l -> l.party().equals(party)).map(LeftOff::category).findFirst();
    }

    /** Why a party may not vote on the motion, if it is left off the roll. */
    public static String whyNot(List<LeftOff> leftOff, MemberId party) {
        return leftOff.stream().filter(l -> l.party().equals(party)).map(LeftOff::reason).findFirst()
                .orElse(party + " was not a party of the Association on the date of the meeting");
    }

}
