package org.charterledger.command.membership;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.charterledger.charter.Admission;
import org.charterledger.charter.DuesRates;
import org.charterledger.charter.DuesStanding;
import org.charterledger.charter.MembershipPeriod;
import org.charterledger.charter.PartyFacts;
import org.charterledger.charter.Payment;
import org.charterledger.charter.RuleViolation;
import org.charterledger.command.Rejection.Reason;
import org.charterledger.command.config.AxonConfig;
import org.charterledger.events.AdmissionBasis;
import org.charterledger.events.DuesPaid;
import org.charterledger.events.DuesPaymentReversed;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberExpelled;
import org.charterledger.events.MemberId;
import org.charterledger.events.MemberWithdrew;
import org.charterledger.events.Money;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.PartyEvent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A party of the Association, from its admission on: one event stream per government, keyed by its id. It holds
 * the facts the charter rules read ({@link PartyFacts}), folded from its events by the one fold the command side's
 * store of every party's facts ({@link PartyFactsLoader}) uses too.
 */
@Aggregate(cache = AxonConfig.AGGREGATE_CACHE)
public class Member {

    @AggregateIdentifier
    private MemberId id;
    private PartyFacts facts = PartyFacts.none();

    protected Member() {
        // for Axon: an empty stream, filled by its events
    }

    /**
     * Creates the party if its id is new. An id already on the register is refused here, by the aggregate, rather
     * than by the event store's unique index, so that the client learns why.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AdmitMember cmd) {
        if (id != null && !observerAdmittedByDecision(cmd)) {
            throw new AlreadyAdmitted(id, facts.periods().get(facts.periods().size() - 1).category());
        }
        if (!cmd.member().countryPrefix().equals(cmd.country())) {
            throw new AdmissionRefused("country", new RuleViolation("id-country", null,
                    "the id " + cmd.member() + " must start with the country code " + cmd.country()));
        }
        Admission.checkCountry(cmd.category(), cmd.country()).ifPresent(violation -> {
            throw new AdmissionRefused("category", violation);
        });
        apply(new MemberAdmitted(cmd.member(), cmd.country(), cmd.name(), cmd.localName(), cmd.category(),
                cmd.admittedOn(), cmd.basis(), cmd.decidedBy()));
    }

    /** An observer admitted as a member or associate by a decision keeps its id and its history (CHARTER.md §1). */
    private boolean observerAdmittedByDecision(AdmitMember cmd) {
        return cmd.basis() == AdmissionBasis.DECISION && cmd.category() != PartyCategory.OBSERVER
                && facts.current().map(p -> p.category() == PartyCategory.OBSERVER).orElse(false);
    }

    /** Expels a party by the decision of a motion that passed (Charter Art. 8 item 1). */
    @CommandHandler
    void handle(ExpelMember cmd) {
        if (facts.current().isEmpty()) {
            throw new WithdrawalRefused(Reason.CONFLICT, "party", "left-once", id + " already left the Association");
        }
        apply(new MemberExpelled(id, cmd.expelledOn(), cmd.decidedBy()));
    }

    /**
     * Records a payment for a year the member owes (Dues Regulation Art. 5(1), 5(2)); a part payment and an
     * overpayment are recorded as they are, and the dues statement shows them as such.
     */
    @CommandHandler
    void handle(PayDues cmd) {
        if (!DuesStanding.isAssessed(facts, cmd.year())) {
            throw new DuesRefused(Reason.RULE, "fiscalYear", "year-not-assessed", "Dues Regulation Art. 5(2)",
                    id + " owes no dues for " + cmd.year() + ": only a member owes dues, from the fiscal year"
                            + " after its admission, until it leaves");
        }
        if (cmd.paidOn().isBefore(facts.periods().get(0).from())) {
            throw new DuesRefused(Reason.RULE, "paidOn", "paid-before-admission", null,
                    "a payment cannot precede the admission of " + id + " on " + facts.periods().get(0).from());
        }
        // The currency is checked against the Regulation's initial rate: rate changes the General Assembly decides
        // are recorded by the DuesSchedule, which this stream does not read.
        Money due = DuesRates.initial().rateFor(cmd.year());
        if (!cmd.credited().currency().equals(due.currency())) {
            throw new DuesRefused(Reason.RULE, "credited", "credited-in-dues-currency", "Dues Regulation Art. 5(1)",
                    "the value credited must be in " + due.currency() + ", the currency the dues are set in");
        }
        if (facts.payment(cmd.payment()).isPresent()) {
            throw new DuesRefused(Reason.CONFLICT, "payment", "payment-recorded-once", null,
                    "payment " + cmd.payment() + " is already recorded");
        }
        apply(new DuesPaid(id, cmd.payment(), cmd.year(), cmd.paid(), cmd.credited(), cmd.paidOn(),
                cmd.reference()));
    }

    /** Reverses a payment by a new fact that names it; the payment itself stays in the history. */
    @CommandHandler
    void handle(ReverseDuesPayment cmd) {
        Payment payment = facts.payment(cmd.payment()).orElseThrow(() -> new DuesRefused(Reason.UNKNOWN,
                "paymentId", "must-exist", null, id + " has no payment " + cmd.payment()));
        if (payment.reversedOn() != null) {
            throw new DuesRefused(Reason.CONFLICT, "paymentId", "reversed-once", null,
                    "payment " + cmd.payment() + " was already reversed on " + payment.reversedOn());
        }
        if (cmd.reversedOn().isBefore(payment.paidOn())) {
            throw new DuesRefused(Reason.RULE, "reversedOn", "reversal-after-payment", null,
                    "a reversal cannot precede the payment it reverses, made on " + payment.paidOn());
        }
        apply(new DuesPaymentReversed(id, cmd.payment(), cmd.reversedOn(), cmd.reason()));
    }

    @CommandHandler
    void handle(RecordWithdrawal cmd) {
        MembershipPeriod current = facts.current().orElseThrow(() -> new WithdrawalRefused(Reason.CONFLICT, "id",
                "left-once", id + " already left the Association"));
        if (!cmd.withdrewOn().isAfter(current.from())) {
            throw new WithdrawalRefused(Reason.RULE, "withdrewOn", "withdrawal-after-admission",
                    "a withdrawal must come after the party's admission as " + current.category() + " on "
                            + current.from());
        }
        apply(new MemberWithdrew(id, cmd.withdrewOn(), cmd.reference()));
    }

    /** Every event of the party's stream, folded as everywhere else by {@link PartyFacts#then}. */
    @EventSourcingHandler
    void on(PartyEvent e) {
        id = e.member();
        facts = facts.then(e);
    }
}
