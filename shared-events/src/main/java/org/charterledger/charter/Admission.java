package org.charterledger.charter;

import org.charterledger.events.CountryCode;
import org.charterledger.events.PartyCategory;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may be admitted in which category, by country (Charter Art. 4, 4-2; CHARTER.md §1).
 * <ul>
 *   <li>A MEMBER is a province-level government of China, DPRK, Japan, Mongolia, Korea or Russia (Art. 4).</li>
 *   <li>An ASSOCIATE is a province-level government elsewhere in Asia (Art. 4-2).</li>
 *   <li>An OBSERVER may be any government the Association invites.</li>
 * </ul>
 * <b>Reading:</b> "Asia" is the United Nations geoscheme's Asia (M49 region 142), plus Hong Kong and Macao.
 */
public final class Admission {

    /** The six countries whose province-level governments may be members (Art. 4). */
    public static final Set<CountryCode> MEMBER_COUNTRIES = codes("CN", "KP", "JP", "MN", "KR", "RU");

    static final Set<CountryCode> ASIA = codes(
            "AE", "AF", "AM", "AZ", "BD", "BH", "BN", "BT", "CN", "CY", "GE", "HK", "ID", "IL", "IN", "IQ", "IR",
            "JO", "JP", "KG", "KH", "KP", "KR", "KW", "KZ", "LA", "LB", "LK", "MM", "MN", "MO", "MV", "MY", "NP",
            "OM", "PH", "PK", "PS", "QA", "SA", "SG", "SY", "TH", "TJ", "TL", "TM", "TR", "TW", "UZ", "VN", "YE");

    private Admission() {
    }

    /** Whether a government of {@code country} may be admitted as {@code category}; empty when it may. */
    public static Optional<RuleViolation> checkCountry(PartyCategory category, CountryCode country) {
        return switch (category) {
            case MEMBER -> MEMBER_COUNTRIES.contains(country)
                    ? Optional.empty()
                    : Optional.of(new RuleViolation("member-country", "Charter Art. 4",
                    "a member must be a province-level government of China, DPRK, Japan, Mongolia, Korea or Russia;"
                            + " " + country + " is none of these"));
            case ASSOCIATE -> ASIA.contains(country) && !MEMBER_COUNTRIES.contains(country)
                    ? Optional.empty()
                    : Optional.of(new RuleViolation("associate-country", "Charter Art. 4-2",
                    "an associate must be a province-level government in Asia outside the six member countries;"
                            + " " + country + " is not"));
            case OBSERVER -> Optional.empty();
        };
    }

    private static Set<CountryCode> codes(String... values) {
        return Arrays.stream(values).map(CountryCode::new).collect(Collectors.toUnmodifiableSet());
    }
}
