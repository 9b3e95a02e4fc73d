package org.charterledger.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * The stable identifier of a party (member, associate or observer): the ISO country code, a hyphen and an
 * upper-case slug, such as {@code KR-ULSAN} or {@code VN-HO-CHI-MINH-CITY}. It never changes, not even when an
 * observer becomes a member.
 */
public record MemberId(@JsonValue String value) {

    private static final Pattern SLUG = Pattern.compile("[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*");
    public static final int MAX_LENGTH = 64;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public MemberId {
        if (value == null || value.length() > MAX_LENGTH || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("must be an upper-case slug led by the ISO country code, such as"
                    + " KR-ULSAN (letters, digits and single hyphens, at most " + MAX_LENGTH + " characters)");
        }
    }

    /**
     * Whether the slug starts with a country code that exists: a well-formed id such as {@code XX-FOO} names no
     * party and never could. Not required of every id, so that an id once recorded stays readable whatever the
     * list of codes becomes; required of an id a request introduces.
     */
    public boolean ledByCountryCode() {
        try {
            countryPrefix();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The two-letter country code the slug starts with. */
    public CountryCode countryPrefix() {
        return new CountryCode(value.substring(0, 2));
    }

    @Override
    public String toString() {
        return value;
    }
}
