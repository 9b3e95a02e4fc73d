package org.charterledger.charter;

import org.charterledger.events.CountryCode;
import org.charterledger.events.Effect;
import org.charterledger.events.MemberId;
import org.charterledger.events.Money;
import org.charterledger.events.MotionKind;
import org.charterledger.events.PartyCategory;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a motion may decide an effect (CHARTER.md §1, §2, §4, §5, §6): the effect must be one the motion's kind
 * and Art. 8 item decide, and possible on the date of the motion's roll. The checks of the offices and of the dues
 * schedule that the effect later reaches ({@link #checkAuditorSeat}, {@link #checkDuesRate}) are the same functions,
 * so a motion is refused at its opening for exactly what would refuse its effect.
 * <ul>
 *   <li>Admission (Art. 8 item 1): of a government not already a member or an associate, as a member or an
 *       associate (observers are invited, Charter Art. 4), of a country its category allows (Art. 4, 4-2).</li>
 *   <li>Expulsion (Art. 8 item 1): of a member or an associate.</li>
 *   <li>Dues (Art. 8 item 2): a yearly rate above zero (Dues Regulation Art. 5(3)).</li>
 *   <li>Auditor (Art. 8 item 6) and next host (item 9): a member with electoral rights (Charter Art. 7(3)); one
 *       auditor per country in a term (Art. 7(2)).</li>
 *   <li>A subcommittee and its coordinators (Charter Art. 11(4); Subcommittee Regulation Art. 2, 5(1), 5(2)): by a
 *       motion of the kind SUBCOMMITTEE; a number from 1 to 999, a name; set up once; coordinators are members.</li>
 *   <li>A coordinator's replacement (Subcommittee Regulation Art. 5(1), 5(7)): by a motion of that kind, of a sitting
 *       coordinator inactive for two years or more on the roll's date, by a member.</li>
 * </ul>
 */
public final class Effects {

    private Effects() {
    }

    /** How a refusal stands to the record: something named does not exist, it contradicts it, or breaks a rule. */
    public enum Kind { UNKNOWN, CONFLICT, RULE }

    /** Why an effect is refused: the field of the motion at fault, how the refusal stands, and the rule. */
    public record Refusal(String field, Kind kind, RuleViolation violation) {
    }

    /**
     * What the checks read on the roll's date.
     *
     * @param roll             the voter roll: who is a member with a vote, and the category of those left off
     * @param subcommittee     the subcommittee the effect concerns, {@code null} when it does not exist
     * @param auditorCountries the countries already holding an auditor's seat in the term the meeting elects for
     */
    public record Facts(LocalDate rollDate, VoterRoll roll, SubcommitteeFacts subcommittee,
                        Set<CountryCode> auditorCountries) {
    }

    /** Whether a motion of {@code kind} and {@code item} may decide {@code effect}; empty when it may. */
    public static Optional<Refusal> check(MotionKind kind, Integer item, Effect effect, Facts facts) {
        if (effect instanceof Effect.ReplaceCoordinator replace) {
            return checkReplacement(kind, replace, facts);
        }
        if (effect instanceof Effect.EstablishSubcommittee || effect instanceof Effect.AppointCoordinators
                || effect instanceof Effect.RenewCoordinators) {
            return checkSubcommitteeDecision(kind, effect, facts);
        }
        if (kind != MotionKind.ARTICLE_8 || !Integer.valueOf(effect.item()).equals(item)) {
            return refuse("effect", Kind.RULE, "effect-of-item", "Charter Art. 8",
                    "this effect is decided under Art. 8 item " + effect.item() + ", not by this motion");
        }
        VoterRoll roll = facts.roll();
        if (effect instanceof Effect.Admit admit) {
            Optional<PartyCategory> category = roll.categoryOf(admit.party());
            if (category.isPresent() && category.get() != PartyCategory.OBSERVER) {
                return refuse("effect.party", Kind.CONFLICT, "admitted-once", null,
                        admit.party() + " is already a " + category.get());
            }
            if (admit.category() == PartyCategory.OBSERVER) {
                return refuse("effect.category", Kind.RULE, "member-or-associate", "Charter Art. 4",
                        "the General Assembly admits members and associates; observers are invited");
            }
            return Admission.checkCountry(admit.category(), admit.country())
                    .map(violation -> new Refusal("effect.category", Kind.RULE, violation));
        }
        if (effect instanceof Effect.Expel expel) {
            Optional<PartyCategory> category = roll.categoryOf(expel.party());
            if (category.isEmpty() || category.get() == PartyCategory.OBSERVER) {
                return refuse("effect.party", Kind.RULE, "member-or-associate", "Charter Art. 8",
                        expel.party() + " is not a member or an associate");
            }
            return Optional.empty();
        }
        if (effect instanceof Effect.ElectAuditor elect) {
            if (!roll.contains(elect.auditor())) {
                return refuse("effect.auditor", Kind.RULE, "electoral-rights", "Charter Art. 7(3)",
                        elect.auditor() + " may not be elected: " + VoterRoll.whyNot(roll.leftOff(), elect.auditor()));
            }
            return checkAuditorSeat(facts.auditorCountries(), elect.auditor())
                    .map(violation -> new Refusal("effect.auditor", Kind.CONFLICT, violation));
        }
        if (effect instanceof Effect.ElectNextHost elect) {
            if (!roll.contains(elect.host())) {
                return refuse("effect.host", Kind.RULE, "electoral-rights", "Charter Art. 7(3)",
                        elect.host() + " may not be elected: " + VoterRoll.whyNot(roll.leftOff(), elect.host()));
            }
            return Optional.empty();
        }
        if (effect instanceof Effect.ChangeDuesRate change) {
            return checkDuesRate(change.amount()).map(violation -> new Refusal("effect.amount", Kind.RULE, violation));
        }
        return Optional.empty();
    }

    /** One auditor per country in a term (Charter Art. 7(2)): {@code seated}, the countries that hold one. */
    public static Optional<RuleViolation> checkAuditorSeat(Set<CountryCode> seated, MemberId auditor) {
        CountryCode country = auditor.countryPrefix();
        return seated.contains(country) ? Optional.of(new RuleViolation("one-per-country", "Charter Art. 7(2)",
                "the term already has an auditor from " + country)) : Optional.empty();
    }

    /** The yearly dues are more than zero (Dues Regulation Art. 5(3)). */
    public static Optional<RuleViolation> checkDuesRate(Money amount) {
        return amount.isPositive() ? Optional.empty() : Optional.of(new RuleViolation("positive",
                "Dues Regulation Art. 5(3)", "the yearly dues must be more than zero"));
    }

    private static Optional<Refusal> checkReplacement(MotionKind kind, Effect.ReplaceCoordinator replace, Facts facts) {
        SubcommitteeFacts subcommittee = facts.subcommittee();
        if (kind != MotionKind.COORDINATOR_REPLACEMENT) {
            return refuse("kind", Kind.RULE, "replacement-motion", "Subcommittee Regulation Art. 5(7)",
                    "a coordinator is replaced by a motion of the kind COORDINATOR_REPLACEMENT");
        }
        if (subcommittee == null || subcommittee.abolished()) {
            return refuse("effect.subcommittee", Kind.UNKNOWN, "must-exist", null,
                    "there is no active subcommittee " + replace.subcommittee());
        }
        if (!subcommittee.coordinators().contains(replace.outgoing())) {
            return refuse("effect.outgoing", Kind.RULE, "sitting-coordinator", null,
                    replace.outgoing() + " does not coordinate subcommittee " + replace.subcommittee());
        }
        if (!subcommittee.replaceableOn(facts.rollDate())) {
            return refuse("effect.outgoing", Kind.RULE, "inactive-two-years", "Subcommittee Regulation Art. 5(7)",
                    "subcommittee " + replace.subcommittee() + " was active on " + subcommittee.inactiveSince()
                            + ", less than two years before " + facts.rollDate());
        }
        if (facts.roll().categoryOf(replace.incoming()).filter(PartyCategory.MEMBER::equals).isEmpty()) {
            return refuse("effect.incoming", Kind.RULE, "members-only", "Subcommittee Regulation Art. 5(1)",
                    replace.incoming() + " is not a member on " + facts.rollDate());
        }
        return Optional.empty();
    }

    private static Optional<Refusal> checkSubcommitteeDecision(MotionKind kind, Effect effect, Facts facts) {
        if (kind != MotionKind.SUBCOMMITTEE) {
            return refuse("kind", Kind.RULE, "subcommittee-motion", "Charter Art. 11(4)",
                    "a subcommittee and its coordinators are decided by a motion of the kind SUBCOMMITTEE");
        }
        SubcommitteeFacts subcommittee = facts.subcommittee();
        if (effect instanceof Effect.EstablishSubcommittee establish) {
            if (establish.subcommittee() < 1 || establish.subcommittee() > 999) {
                return refuse("effect.subcommittee", Kind.RULE, "subcommittee-number",
                        "Subcommittee Regulation Art. 2", "a subcommittee's number is from 1 to 999");
            }
            if (establish.name() == null || establish.name().isBlank() || establish.name().length() > 200
                    || (establish.field() != null && establish.field().length() > 200)) {
                return refuse("effect.name", Kind.RULE, "name-and-field", null,
                        "a subcommittee has a name, and a field, of at most 200 characters");
            }
            if (subcommittee != null) {
                return refuse("effect.subcommittee", Kind.CONFLICT, "established-once", null,
                        "subcommittee " + establish.subcommittee() + " already exists");
            }
            return Optional.empty();
        }
        int number = effect instanceof Effect.AppointCoordinators appoint ? appoint.subcommittee()
                : ((Effect.RenewCoordinators) effect).subcommittee();
        if (subcommittee == null || subcommittee.abolished()) {
            return refuse("effect.subcommittee", Kind.UNKNOWN, "must-exist", null,
                    "there is no active subcommittee " + number);
        }
        if (effect instanceof Effect.AppointCoordinators appoint) {
            if (appoint.coordinators().isEmpty()) {
                return refuse("effect.coordinators", Kind.RULE, "one-or-more", "Subcommittee Regulation Art. 5(1)",
                        "a subcommittee has one coordinator or more");
            }
            for (MemberId coordinator : appoint.coordinators()) {
                Optional<PartyCategory> category = facts.roll().categoryOf(coordinator);
                if (category.filter(PartyCategory.MEMBER::equals).isEmpty()) {
                    return refuse("effect.coordinators", Kind.RULE, "members-only",
                            "Subcommittee Regulation Art. 5(1)", coordinator + " is not a member on "
                                    + facts.rollDate() + category.map(c -> " but an " + c.name().toLowerCase())
                                    .orElse(" (not a party then)"));
                }
            }
            return Optional.empty();
        }
        if (subcommittee.coordinators().isEmpty()) {
            return refuse("effect.subcommittee", Kind.CONFLICT, "coordinator-appointed", null,
                    "subcommittee " + number + " has no coordinator to renew");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String field, Kind kind, String rule, String article, String message) {
        return Optional.of(new Refusal(field, kind, new RuleViolation(rule, article, message)));
    }
}
