package org.charterledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A subcommittee, by its number (Subcommittee Regulation Art. 2). Stored as the bare number; its stream is
 * {@code SC-<number>}. Which numbers a subcommittee may be given is a rule of its establishment
 * ({@code subcommittee-number}), checked where it is decided, not here: an id only names.
 */
public record SubcommitteeId(@JsonValue int number) {

    private static final String PREFIX = "SC-";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SubcommitteeId {
    }

    public static SubcommitteeId of(int number) {
        return new SubcommitteeId(number);
    }

    /** The id of the subcommittee's event stream, {@code SC-<number>}. */
    public String stream() {
        return PREFIX + number;
    }

    @Override
    public String toString() {
        return stream();
    }
}
