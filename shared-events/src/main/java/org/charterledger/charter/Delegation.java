package org.charterledger.charter;

import org.charterledger.events.Body;
import org.charterledger.events.MotionKind;

import java.util.Optional;
import java.util.Set;

/**
 * Which body may decide what. The General Assembly decides the functions of Charter Art. 8. In a year in which no
 * General Assembly is held, the Executive Committee may decide items 1, 7 and 8 with the same rules (Art. 9-2).
 * The replacement of a subcommittee coordinator is the Executive Committee's (Subcommittee Regulation Art. 5(7)), and
 * so are setting up a subcommittee and appointing or renewing its coordinators (Charter Art. 11(4)).
 */
public final class Delegation {

    public static final Set<Integer> EC_ITEMS = Set.of(1, 7, 8);

    private Delegation() {
    }

    /** Whether {@code body} may decide a motion of this kind and item, in a year with or without a GA. */
    public static Optional<RuleViolation> check(Body body, MotionKind kind, Integer item, boolean gaHeldThatYear) {
        if (kind == MotionKind.SUBCOMMITTEE) {
            return body == Body.EC ? Optional.empty() : Optional.of(new RuleViolation("subcommittee-by-ec",
                    "Charter Art. 11(4)", "subcommittees and their coordinators are decided by the Executive"
                    + " Committee"));
        }
        if (kind == MotionKind.COORDINATOR_REPLACEMENT) {
            return body == Body.EC ? Optional.empty() : Optional.of(new RuleViolation("replacement-by-ec",
                    "Subcommittee Regulation Art. 5(7)", "the replacement of a coordinator is decided by the"
                    + " Executive Committee"));
        }
        if (item == null || item < 1 || item > 11) {
            return Optional.of(new RuleViolation("article-8-item", "Charter Art. 8",
                    "a motion must name the item of Art. 8 it decides, 1 to 11"));
        }
        if (body == Body.GA) {
            return Optional.empty();
        }
        if (!EC_ITEMS.contains(item)) {
            return Optional.of(new RuleViolation("ec-items", "Charter Art. 9-2",
                    "the Executive Committee may decide only items 1, 7 and 8 of Art. 8, not item " + item));
        }
        if (gaHeldThatYear) {
            return Optional.of(new RuleViolation("ec-in-ga-year", "Charter Art. 9-2",
                    "the Executive Committee may decide item " + item + " only in a year in which no General"
                            + " Assembly is held"));
        }
        return Optional.empty();
    }
}
