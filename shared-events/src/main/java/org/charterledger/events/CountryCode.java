package org.charterledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country code, such as {@code KR} or {@code MN}. */
public record CountryCode(@JsonValue String value) {

    private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CountryCode {
        if (value == null || !ISO_CODES.contains(value)) {
            throw new IllegalArgumentException("must be an ISO 3166-1 alpha-2 country code in upper case, such as KR");
        }
    }

    public static CountryCode of(String value) {
        return new CountryCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
