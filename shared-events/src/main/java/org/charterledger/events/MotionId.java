package org.charterledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;
import java.util.regex.Pattern;

/** The identifier of a motion put to a body, such as {@code GA13-M2}. */
public record MotionId(@JsonValue String value) {

    private static final Pattern ID = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public MotionId {
        if (value == null || value.length() > 64 || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException("must be a motion id such as GA13-M2");
        }
    }

    /** The motion {@code text} names, when it is a motion's id. */
    public static Optional<MotionId> parse(String text) {
        return text != null && text.length() <= 64 && ID.matcher(text).matches()
                ? Optional.of(new MotionId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
