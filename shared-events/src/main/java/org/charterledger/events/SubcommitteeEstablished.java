package org.charterledger.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The Executive Committee set up a subcommittee for a field (Charter Art. 11(4); Subcommittee Regulation Art. 2).
 *
 * @param decidedBy the EC decision's reference, or {@code null} for a subcommittee on the opening balance
 */
@Revision("1")
public record SubcommitteeEstablished(int number, String name, String field, LocalDate founded, String decidedBy) {
}
