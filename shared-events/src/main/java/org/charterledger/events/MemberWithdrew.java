package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A party left the Association of its own accord. It keeps its history, is no longer assessed for dues after it
 * leaves, and is on no later roll.
 *
 * @param member     the party that left
 * @param withdrewOn the first day on which it is no longer a party
 * @param reference  the letter or decision that records the withdrawal
 */
@Revision("1")
public record MemberWithdrew(MemberId member, LocalDate withdrewOn, String reference) implements PartyEvent {

    public MemberWithdrew {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(withdrewOn, "withdrewOn");
        Objects.requireNonNull(reference, "reference");
    }

    @Override
    public LocalDate businessDate() {
        return withdrewOn;
    }
}
