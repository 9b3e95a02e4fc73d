package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A subcommittee was abolished (Subcommittee Regulation Art. 2); its history stays. */
@Revision("1")
public record SubcommitteeAbolished(int number, LocalDate abolishedOn, String decidedBy) {
}
