package org.charterledger.charter;

import org.charterledger.events.FiscalYear;
import org.charterledger.events.Money;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.PaymentId;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A party's dues standing and rights on a business date: the rights restriction for dues arrears of the Dues
 * Regulation Art. 6 (Charter Art. 5-2, 7(3), 9(1); CHARTER.md §2). A member that has not paid dues for two or more
 * fiscal years loses its right to vote and to elect and be elected; its rights come back from the fiscal year in
 * which it starts paying again.
 * <p>
 * <b>Reading</b> (evaluated for a member M at a date D, with Y the year of D):
 * <ol>
 *   <li>Assessed years: the fiscal years from the year after M's admission as a member up to Y in which it was a
 *       member. For a member recorded by the opening balance, the first assessed year is the opening balance's
 *       own year: it was a member before, and the balance takes the years before as settled. A member that left
 *       is assessed up to the year of its last day as a member.</li>
 *   <li>A year is in arrears at D when it is assessed, its due date (30 April) is before D, and the value credited
 *       by payments that count at D (made on or before D, not reversed on or before D) is below that year's
 *       rate.</li>
 *   <li>M has resumed payment at D when a payment that counts at D was made in fiscal year Y.</li>
 *   <li>A restriction starts only on the day after a due date, on the day the rule came into force (1 January
 *       2017), or on the day a reversal takes effect, when M then has two or more years in arrears and has not
 *       resumed payment. It ends on the date of a resuming payment, or on the date the arrears drop below two.
 *       (Items 4 and 5 of CHARTER.md §2 read together: a member that resumed paying in one year keeps its rights
 *       until the next due date passes, as the last example row requires.)</li>
 *   <li>Before 1 January 2017 no member is restricted.</li>
 * </ol>
 *
 * @param asOf             the business date asked about
 * @param category         the party's category on that date, or {@code null} when it was no party then
 * @param assessedYears    every assessed year up to the year of {@code asOf}, with its account
 * @param yearsInArrears   the assessed years in arrears on {@code asOf}
 * @param resumedPayment   whether the member made a payment (that still counts) in the fiscal year of {@code asOf}
 * @param restrictedSince  the first day of the current restriction, or {@code null} when there is none
 * @param mayVote          whether it has a vote (Charter Art. 9(1))
 * @param mayStandAndElect whether it may elect and be elected to offices (Charter Art. 7)
 * @param reason           why it has no vote, or {@code null} when it has one
 * @param articles         the articles the answer rests on
 */
public record DuesStanding(LocalDate asOf, PartyCategory category, List<YearAccount> assessedYears,
                           List<FiscalYear> yearsInArrears, boolean resumedPayment, LocalDate restrictedSince,
                           boolean mayVote, boolean mayStandAndElect, String reason, List<String> articles) {

    /** The Dues Regulation's final provision: the rule applies from this day. */
    public static final LocalDate IN_FORCE = LocalDate.of(2017, 1, 1);
    /** Dues are payable by 30 April of the fiscal year (Dues Regulation Art. 5(2)). */
    public static final MonthDay DUE_DAY = MonthDay.of(4, 30);
    public static final List<String> RESTRICTION_ARTICLES =
            List.of("Dues Regulation Art. 6", "Charter Art. 7(3)", "Charter Art. 9(1)");

    public boolean restricted() {
        return restrictedSince != null;
    }

    /** How one assessed year stands: what is due, what was credited, and whether it is in arrears. */
    public record YearAccount(FiscalYear year, LocalDate dueOn, Money due, Money credited, Settlement settlement,
                              boolean inArrears) {

        public Money balance() {
            return credited.minus(due);
        }
    }

    /** How far a year's dues are paid. */
    public enum Settlement { UNPAID, PART_PAID, PAID, OVERPAID }

    /** Why a party's rights changed on a day. */
    public enum Cause { ADMITTED, LEFT, RULE_IN_FORCE, DUE_DATE_PASSED, PAYMENT, REVERSAL }

    /**
     * From {@code from} on, the party had these rights, because of {@code cause} (with the payment or the fiscal
     * year it concerns, where there is one).
     */
    public record RightsChange(LocalDate from, PartyCategory category, boolean mayVote, boolean mayStandAndElect,
                               LocalDate restrictedSince, List<FiscalYear> yearsInArrears, Cause cause,
                               PaymentId payment, FiscalYear year) {
    }

    public static LocalDate dueDate(FiscalYear year) {
        return DUE_DAY.atYear(year.value());
    }

    /** The standing of a party on {@code date}, from its recorded facts. */
    public static DuesStanding at(PartyFacts facts, DuesRates rates, LocalDate date) {
        PartyCategory category = facts.categoryOn(date).orElse(null);
        List<YearAccount> accounts = assessedYearsUpTo(facts, date.getYear()).stream()
                .map(year -> account(facts, rates, year, date))
                .toList();
        List<FiscalYear> arrears = accounts.stream().filter(YearAccount::inArrears).map(YearAccount::year).toList();
        boolean resumed = resumedOn(facts, date);
        LocalDate since = category == PartyCategory.MEMBER ? lastState(facts, rates, date).restrictedSince() : null;
        boolean member = category == PartyCategory.MEMBER;
        boolean rights = member && since == null;
        return new DuesStanding(date, category, accounts, arrears, resumed, since, rights, rights,
                reason(category, date, since, arrears), articles(category, since));
    }

    /** Whether {@code year} is a year the party owes dues for, on any date (CHARTER.md §2, reading 1). */
    public static boolean isAssessed(PartyFacts facts, FiscalYear year) {
        return facts.periods().stream().anyMatch(p -> p.category() == PartyCategory.MEMBER
                && year.value() >= firstAssessedYear(p) && year.value() <= lastAssessedYear(p));
    }

    /** Every change of the party's rights up to {@code until}, in order. */
    public static List<RightsChange> history(PartyFacts facts, DuesRates rates, LocalDate until) {
        List<RightsChange> changes = new ArrayList<>();
        for (RightsChange state : walk(facts, rates, until)) {
            RightsChange last = changes.isEmpty() ? null : changes.get(changes.size() - 1);
            if (last == null || last.category() != state.category() || last.mayVote() != state.mayVote()
                    || last.mayStandAndElect() != state.mayStandAndElect()
                    || !Objects.equals(last.restrictedSince(), state.restrictedSince())) {
                changes.add(state);
            }
        }
        return changes;
    }

    private static YearAccount account(PartyFacts facts, DuesRates rates, FiscalYear year, LocalDate date) {
        Money due = rates.rateFor(year);
        Money credited = facts.payments().stream()
                .filter(p -> p.year().equals(year) && p.countsOn(date)
                        && p.credited().currency().equals(due.currency()))
                .map(Payment::credited)
                .reduce(Money.zero(due.currency()), Money::plus);
        Settlement settlement = !credited.isPositive() ? Settlement.UNPAID
                : !credited.covers(due) ? Settlement.PART_PAID
                : due.covers(credited) ? Settlement.PAID : Settlement.OVERPAID;
        boolean inArrears = dueDate(year).isBefore(date) && !credited.covers(due);
        return new YearAccount(year, dueDate(year), due, credited, settlement, inArrears);
    }

    private static List<FiscalYear> assessedYearsUpTo(PartyFacts facts, int lastYear) {
        TreeSet<Integer> years = new TreeSet<>();
        for (MembershipPeriod p : facts.periods()) {
            if (p.category() == PartyCategory.MEMBER) {
                for (int y = firstAssessedYear(p); y <= Math.min(lastYear, lastAssessedYear(p)); y++) {
                    years.add(y);
                }
            }
        }
        return years.stream().map(FiscalYear::of).toList();
    }

    private static int firstAssessedYear(MembershipPeriod member) {
        return member.openingBalance() ? member.from().getYear() : member.from().getYear() + 1;
    }

    private static int lastAssessedYear(MembershipPeriod member) {
        return member.until() == null ? Integer.MAX_VALUE : member.until().minusDays(1).getYear();
    }

    private static boolean resumedOn(PartyFacts facts, LocalDate date) {
        return facts.payments().stream().anyMatch(p -> p.countsOn(date) && p.paidOn().getYear() == date.getYear());
    }

    private static List<FiscalYear> arrearsOn(PartyFacts facts, DuesRates rates, LocalDate date) {
        return assessedYearsUpTo(facts, date.getYear()).stream()
                .filter(year -> account(facts, rates, year, date).inArrears())
                .toList();
    }

    private static RightsChange lastState(PartyFacts facts, DuesRates rates, LocalDate date) {
        List<RightsChange> states = walk(facts, rates, date);
        return states.isEmpty() ? new RightsChange(date, null, false, false, null, List.of(), null, null, null)
                : states.get(states.size() - 1);
    }

    /**
     * The party's rights on every day its rights could change, up to {@code until}: its admissions and
     * departures, the rule's entry into force, the day after each due date, and each payment and reversal.
     */
    private static List<RightsChange> walk(PartyFacts facts, DuesRates rates, LocalDate until) {
        TreeSet<LocalDate> moments = new TreeSet<>();
        facts.periods().forEach(p -> {
            moments.add(p.from());
            if (p.until() != null) {
                moments.add(p.until());
            }
        });
        moments.add(IN_FORCE);
        LocalDate settled = settledAfter(facts);
        LocalDate end = until.isBefore(settled) ? until : settled;
        assessedYearsUpTo(facts, end.getYear()).forEach(y -> moments.add(dueDate(y).plusDays(1)));
        facts.payments().forEach(p -> {
            moments.add(p.paidOn());
            if (p.reversedOn() != null) {
                moments.add(p.reversedOn());
            }
        });

        List<RightsChange> states = new ArrayList<>();
        if (facts.periods().isEmpty() || facts.periods().get(0).from().isAfter(until)) {
            return states;
        }
        LocalDate since = null;
        for (LocalDate t : moments.subSet(facts.periods().get(0).from(), true, end, true)) {
            PartyCategory category = facts.categoryOn(t).orElse(null);
            List<FiscalYear> arrears = arrearsOn(facts, rates, t);
            boolean resumed = resumedOn(facts, t);
            if (category != PartyCategory.MEMBER || t.isBefore(IN_FORCE)) {
                since = null;
            } else if (since != null) {
                if (arrears.size() < 2 || resumed) {
                    since = null;
                }
            } else if (startsRestriction(facts, t) && arrears.size() >= 2 && !resumed) {
                since = t;
            }
            boolean rights = category == PartyCategory.MEMBER && since == null;
            Cause cause = cause(facts, t);
            Optional<Payment> payment = facts.payments().stream()
                    .filter(p -> t.equals(cause == Cause.REVERSAL ? p.reversedOn() : p.paidOn())).findFirst();
            FiscalYear year = cause == Cause.DUE_DATE_PASSED ? FiscalYear.of(t.getYear())
                    : payment.map(Payment::year).orElse(null);
            states.add(new RightsChange(t, category, rights, rights, since, category == PartyCategory.MEMBER
                    ? arrears : List.of(), cause,
                    cause == Cause.PAYMENT || cause == Cause.REVERSAL ? payment.map(Payment::id).orElse(null) : null,
                    year));
        }
        return states;
    }

    /**
     * The day from which the party's rights can no longer change, whatever the date asked: after its last recorded
     * fact (an admission, a departure, a payment or a reversal, or the rule's entry into force) only due dates pass,
     * and by the second of them a member still paying nothing has two years in arrears and no payment in the year,
     * so it is restricted from then on (and a party that is not a member has no rights to change). Walking the days
     * beyond it would only repeat the last state, so rights on a date cost what the party's history costs, not what
     * the distance to the date costs.
     */
    private static LocalDate settledAfter(PartyFacts facts) {
        LocalDate last = IN_FORCE;
        for (MembershipPeriod p : facts.periods()) {
            last = latest(latest(last, p.from()), p.until());
        }
        for (Payment p : facts.payments()) {
            last = latest(latest(last, p.paidOn()), p.reversedOn());
        }
        return dueDate(FiscalYear.of(last.getYear() + 2)).plusDays(1);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static boolean startsRestriction(PartyFacts facts, LocalDate day) {
        return day.equals(IN_FORCE)
                || MonthDay.from(day.minusDays(1)).equals(DUE_DAY)
                || facts.payments().stream().anyMatch(p -> day.equals(p.reversedOn()));
    }

    private static Cause cause(PartyFacts facts, LocalDate day) {
        if (facts.periods().stream().anyMatch(p -> day.equals(p.from()))) {
            return Cause.ADMITTED;
        }
        if (facts.periods().stream().anyMatch(p -> day.equals(p.until()))) {
            return Cause.LEFT;
        }
        if (facts.payments().stream().anyMatch(p -> day.equals(p.reversedOn()))) {
            return Cause.REVERSAL;
        }
        if (facts.payments().stream().anyMatch(p -> day.equals(p.paidOn()))) {
            return Cause.PAYMENT;
        }
        return day.equals(IN_FORCE) ? Cause.RULE_IN_FORCE : Cause.DUE_DATE_PASSED;
    }

    private static String reason(PartyCategory category, LocalDate date, LocalDate since,
                                 List<FiscalYear> arrears) {
        if (category == null) {
            return "not a party of the Association on " + date;
        }
        return switch (category) {
            case ASSOCIATE -> "an associate has no vote and may not elect or be elected";
            case OBSERVER -> "an observer has no vote and may not elect or be elected";
            case MEMBER -> since == null ? null
                    : "restricted since " + since + ": dues unpaid for " + arrears.size() + " fiscal years ("
                    + arrears.stream().map(FiscalYear::toString).collect(Collectors.joining(", "))
                    + ") and no payment made in " + date.getYear();
        };
    }

    private static List<String> articles(PartyCategory category, LocalDate since) {
        if (category == null) {
            return List.of();
        }
        return switch (category) {
            case ASSOCIATE -> List.of("Charter Art. 5-2");
            case OBSERVER -> List.of("Charter Art. 7", "Charter Art. 9(1)");
            case MEMBER -> since == null ? List.of("Charter Art. 9(1)") : RESTRICTION_ARTICLES;
        };
    }
}
