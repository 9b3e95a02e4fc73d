package org.charterledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** The identifier of a meeting of a body, such as {@code GA13} or {@code EC2022}. */
public record MeetingId(@JsonValue String value) {

    private static final Pattern ID = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public MeetingId {
        if (value == null || value.length() > 64 || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException("must be a meeting id such as GA13 or EC2022");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
