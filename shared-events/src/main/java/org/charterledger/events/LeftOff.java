package org.charterledger.events;

import java.time.LocalDate;

/**
 * A party left off a motion's voter roll, and why: an associate or observer has no vote; a member restricted for
 * dues has lost it (with the first day of its restriction).
 */
public record LeftOff(MemberId party, PartyCategory category, String reason, LocalDate restrictedSince) {
}
