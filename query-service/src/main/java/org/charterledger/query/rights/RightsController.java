package org.charterledger.query.rights;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.charterledger.charter.DuesRates;
import org.charterledger.charter.DuesStanding;
import org.charterledger.charter.DuesStanding.Cause;
import org.charterledger.charter.DuesStanding.RightsChange;
import org.charterledger.charter.DuesStanding.Settlement;
import org.charterledger.charter.PartyFacts;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.MemberId;
import org.charterledger.events.Money;
import org.charterledger.events.PartyCategory;
import org.charterledger.query.config.CsvExport;
import org.charterledger.query.config.NotFound;
import org.charterledger.query.rights.RecordedFacts.Party;
import org.charterledger.query.rights.RecordedFacts.PaymentRecord;
import org.charterledger.query.rights.RecordedFacts.PeriodRecord;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who could vote and stand on a date, and why not; a member's dues statement; the history of its rights. Every
 * answer is the charter rule ({@link DuesStanding}) applied to the recorded facts, as of the date asked.
 */
@RestController
@Tag(name = "Rights and dues", description = "Voting and electoral rights, dues statements (Dues Regulation Art. 6)")
public class RightsController {

    private final RecordedFacts recorded;
    private final Clock clock;

    RightsController(RecordedFacts recorded, Clock clock) {
        this.recorded = recorded;
        this.clock = clock;
    }

    /** Why a member has lost its rights: the years in arrears, since when, the articles. */
    public record Restriction(LocalDate since, List<Integer> yearsInArrears, List<String> articles) {
    }

    public record PartyRights(String id, String name, String country, PartyCategory category, boolean mayVote,
                       boolean mayStandAndElect, String reason, List<String> articles, Restriction restriction) {
    }

    public record RightsOnADate(LocalDate asOf, int parties, int mayVote, int restricted, List<PartyRights> rights) {
    }

    public record Change(LocalDate from, LocalDate until, PartyCategory category, boolean mayVote, boolean mayStandAndElect,
                  LocalDate restrictedSince, List<Integer> yearsInArrears, Cause cause, String paymentId,
                  Integer fiscalYear, Long position) {
    }

    public record RightsHistory(String member, String name, LocalDate until, List<Change> changes) {
    }

    public record PaymentLine(String paymentId, int fiscalYear, LocalDate paidOn, Money paid, Money credited, String reference,
                       long position, LocalDate reversedOn, String reversalReason, boolean counts) {
    }

    public record YearLine(int year, LocalDate dueOn, Money due, Money credited, Money balance, Settlement settlement,
                    boolean inArrears, List<PaymentLine> payments) {
    }

    public record Standing(boolean mayVote, boolean mayStandAndElect, LocalDate restrictedSince, String reason,
                    List<String> articles) {
    }

    public record DuesStatement(String member, String name, LocalDate asOf, PartyCategory category, List<YearLine> years,
                         List<PaymentLine> paymentsForOtherYears, Money balance, List<Integer> yearsInArrears,
                         boolean resumedPayment, Standing standing) {
    }

    @GetMapping("/api/rights")
    @Operation(operationId = "listRights", summary = "Every party's rights on a date",
            description = "Each party on the register on asOf (default today) with mayVote and mayStandAndElect, and"
                    + " for each restricted member the years in arrears, since when, and the articles.")
    public RightsOnADate rights(@Parameter(description = "the business date, YYYY-MM-DD; default today")
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = dateOr(asOf);
        DuesRates rates = recorded.rates();
        Map<String, PartyFacts> facts = recorded.allFacts();
        List<PartyRights> rights = new ArrayList<>();
        for (Party party : recorded.parties()) {
            DuesStanding standing = DuesStanding.at(facts.getOrDefault(party.id(), PartyFacts.none()), rates, date);
            if (standing.category() != null) {
                rights.add(rights(party, standing));
            }
        }
        return new RightsOnADate(date, rights.size(), (int) rights.stream().filter(PartyRights::mayVote).count(),
                (int) rights.stream().filter(r -> r.restriction() != null).count(), rights);
    }

    /** A party's rights on a date as a CSV row: the restriction's fields in columns, lists joined by "; ". */
    record RightsRow(String id, String name, String country, PartyCategory category, boolean mayVote,
                     boolean mayStandAndElect, String reason, String articles, LocalDate restrictedSince,
                     String yearsInArrears) {

        static RightsRow of(PartyRights rights) {
            Restriction restriction = rights.restriction();
            return new RightsRow(rights.id(), rights.name(), rights.country(), rights.category(), rights.mayVote(),
                    rights.mayStandAndElect(), rights.reason(), joined(rights.articles()),
                    restriction == null ? null : restriction.since(),
                    restriction == null ? null : joined(restriction.yearsInArrears()));
        }
    }

    /** Every party's rights on a date as CSV (Accept: text/csv, or ?format=csv): a row per party of the JSON answer. */
    @GetMapping(path = "/api/rights", produces = "text/csv")
    CsvExport<RightsRow> rightsAsCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                     LocalDate asOf) {
        RightsOnADate rights = rights(asOf);
        return CsvExport.of("rights-" + rights.asOf(), RightsRow.class,
                rights.rights().stream().map(RightsRow::of).toList());
    }

    @GetMapping("/api/rights/{memberId}")
    @Operation(operationId = "getPartyRights",
            summary = "One party's rights on a date", description = "Could it vote, could it stand, and if not, why.")
    public PartyRights rightsOf(@PathVariable MemberId memberId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Party party = party(memberId);
        return rights(party, DuesStanding.at(recorded.facts(party.id()), recorded.rates(), dateOr(asOf)));
    }

    @GetMapping("/api/rights/{memberId}/history")
    @Operation(operationId = "getRightsHistory", summary = "Every change of a party's rights, with what changed them",
            description = "Each period from its first day, with its cause: an admission or departure, a payment or"
                    + " reversal (with the payment and the event's ledger position), or a due date passing.")
    public RightsHistory history(@PathVariable MemberId memberId,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
        Party party = party(memberId);
        LocalDate last = dateOr(until);
        List<PeriodRecord> periods = recorded.periods(party.id());
        List<PaymentRecord> payments = recorded.payments(party.id());
        List<RightsChange> changes = DuesStanding.history(recorded.facts(party.id()), recorded.rates(), last);
        List<Change> lines = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            RightsChange change = changes.get(i);
            LocalDate next = i + 1 < changes.size() ? changes.get(i + 1).from() : null;
            lines.add(new Change(change.from(), next, change.category(), change.mayVote(), change.mayStandAndElect(),
                    change.restrictedSince(), years(change.yearsInArrears()), change.cause(),
                    change.payment() == null ? null : change.payment().value(),
                    change.year() == null ? null : change.year().value(),
                    positionOf(change, periods, payments)));
        }
        return new RightsHistory(party.id(), party.name(), last, lines);
    }

    @GetMapping("/api/members/{id}/dues")
    @Operation(operationId = "getDuesStatement", summary = "A member's dues statement on a date",
            description = "Each assessed year with the amount due, the payments and reversals made by asOf, the"
                    + " balance and whether it is in arrears; then the member's standing.")
    public DuesStatement statement(@PathVariable MemberId id,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Party party = party(id);
        LocalDate date = dateOr(asOf);
        DuesStanding standing = DuesStanding.at(recorded.facts(party.id()), recorded.rates(), date);
        List<PaymentLine> made = recorded.payments(party.id()).stream()
                .filter(p -> !p.paidOn().isAfter(date))
                .map(p -> line(p, date))
                .toList();
        List<YearLine> years = standing.assessedYears().stream()
                .map(account -> new YearLine(account.year().value(), account.dueOn(), account.due(),
                        account.credited(), account.balance(), account.settlement(), account.inArrears(),
                        made.stream().filter(p -> p.fiscalYear() == account.year().value()).toList()))
                .toList();
        List<Integer> assessed = years.stream().map(YearLine::year).toList();
        return new DuesStatement(party.id(), party.name(), date, standing.category(), years,
                made.stream().filter(p -> !assessed.contains(p.fiscalYear())).toList(),
                total(years), years(standing.yearsInArrears()), standing.resumedPayment(),
                new Standing(standing.mayVote(), standing.mayStandAndElect(), standing.restrictedSince(),
                        standing.reason(), standing.articles()));
    }

    /**
     * A dues statement as CSV rows: a row for each payment made for an assessed year, with that year's account
     * repeated (a year with no payment has one row, its payment columns empty); then the payments for years not
     * assessed, their account columns empty. Amounts are exact decimal strings, each beside its currency.
     */
    record DuesRow(String member, int year, LocalDate dueOn, String currency, String due, String credited,
                   String balance, Settlement settlement, Boolean inArrears, String paymentId, LocalDate paidOn,
                   String paid, String paidCurrency, String creditedFromPayment, String reference, Long position,
                   LocalDate reversedOn, String reversalReason, Boolean counts) {

        static Stream<DuesRow> of(DuesStatement statement) {
            Stream<DuesRow> years = statement.years().stream().flatMap(year -> year.payments().isEmpty()
                    ? Stream.of(row(statement.member(), year.year(), year, null))
                    : year.payments().stream().map(payment -> row(statement.member(), year.year(), year, payment)));
            Stream<DuesRow> others = statement.paymentsForOtherYears().stream()
                    .map(payment -> row(statement.member(), payment.fiscalYear(), null, payment));
            return Stream.concat(years, others);
        }

        private static DuesRow row(String member, int year, YearLine account, PaymentLine payment) {
            return new DuesRow(member, year,
                    account == null ? null : account.dueOn(),
                    account == null ? null : account.due().currency().getCurrencyCode(),
                    account == null ? null : amount(account.due()),
                    account == null ? null : amount(account.credited()),
                    account == null ? null : amount(account.balance()),
                    account == null ? null : account.settlement(),
                    account == null ? null : account.inArrears(),
                    payment == null ? null : payment.paymentId(),
                    payment == null ? null : payment.paidOn(),
                    payment == null ? null : amount(payment.paid()),
                    payment == null ? null : payment.paid().currency().getCurrencyCode(),
                    payment == null ? null : amount(payment.credited()),
                    payment == null ? null : payment.reference(),
                    payment == null ? null : payment.position(),
                    payment == null ? null : payment.reversedOn(),
                    payment == null ? null : payment.reversalReason(),
                    payment == null ? null : payment.counts());
        }

        private static String amount(Money money) {
            return money == null ? null : money.amount().toPlainString();
        }
    }

    /** A member's dues statement as CSV (Accept: text/csv, or ?format=csv): the JSON answer's lines ({@link DuesRow}). */
    @GetMapping(path = "/api/members/{id}/dues", produces = "text/csv")
    CsvExport<DuesRow> statementAsCsv(@PathVariable MemberId id, @RequestParam(required = false)
                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        DuesStatement statement = statement(id, asOf);
        return CsvExport.of("dues-" + statement.member() + "-" + statement.asOf(), DuesRow.class,
                DuesRow.of(statement).toList());
    }

    private static PaymentLine line(PaymentRecord p, LocalDate date) {
        boolean reversedByThen = p.reversedOn() != null && !p.reversedOn().isAfter(date);
        return new PaymentLine(p.paymentId(), p.fiscalYear(), p.paidOn(), p.paid(), p.credited(), p.reference(), p.position(),
                reversedByThen ? p.reversedOn() : null, reversedByThen ? p.reversalReason() : null, !reversedByThen);
    }

    private static Money total(List<YearLine> years) {
        if (years.isEmpty() || years.stream().map(y -> y.balance().currency()).distinct().count() > 1) {
            return null;
        }
        return years.stream().map(YearLine::balance).reduce(Money::plus).orElseThrow();
    }

    private static PartyRights rights(Party party, DuesStanding standing) {
        Restriction restriction = standing.restricted() ? new Restriction(standing.restrictedSince(),
                years(standing.yearsInArrears()), standing.articles()) : null;
        return new PartyRights(party.id(), party.name(), party.country(), standing.category(), standing.mayVote(),
                standing.mayStandAndElect(), standing.reason(), standing.articles(), restriction);
    }

    private static Long positionOf(RightsChange change, List<PeriodRecord> periods, List<PaymentRecord> payments) {
        return switch (change.cause()) {
            case ADMITTED -> periods.stream().filter(p -> p.period().from().equals(change.from()))
                    .map(PeriodRecord::fromPosition).findFirst().orElse(null);
            case LEFT -> periods.stream().filter(p -> change.from().equals(p.period().until()))
                    .map(PeriodRecord::untilPosition).filter(Objects::nonNull).findFirst().orElse(null);
            case PAYMENT -> payment(change, payments).map(PaymentRecord::position).orElse(null);
            case REVERSAL -> payment(change, payments).map(PaymentRecord::reversedPosition).orElse(null);
            case RULE_IN_FORCE, DUE_DATE_PASSED -> null;
        };
    }

    private static Optional<PaymentRecord> payment(RightsChange change, List<PaymentRecord> payments) {
        return payments.stream().filter(p -> change.payment() != null
                && p.paymentId().equals(change.payment().value())).findFirst();
    }

    private static String joined(List<?> values) {
        return values == null ? null : values.stream().map(String::valueOf).collect(Collectors.joining("; "));
    }

    private static List<Integer> years(List<FiscalYear> years) {
        return years.stream().map(FiscalYear::value).toList();
    }

    private Party party(MemberId id) {
        return recorded.party(id.value()).orElseThrow(() -> new NotFound("id", id + " is not on the register"));
    }

    private LocalDate dateOr(LocalDate date) {
        return date != null ? date : LocalDate.now(clock);
    }
}
