package org.charterledger.command.membership;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.charterledger.charter.Admission;
import org.charterledger.charter.RuleViolation;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberId;
import org.charterledger.events.PartyCategory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A party of the Association, from its admission on: one event stream per government, keyed by its id. */
@Aggregate
public class Member {

    @AggregateIdentifier
    private MemberId id;
    private PartyCategory category;

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
        if (id != null) {
            throw new AlreadyAdmitted(id, category);
        }
        if (!cmd.member().countryPrefix().equals(cmd.country())) {
            throw new AdmissionRefused("country", new RuleViolation("id-country", null,
                    "the id " + cmd.member() + " must start with the country code " + cmd.country()));
        }
        Admission.checkCountry(cmd.category(), cmd.country()).ifPresent(violation -> {
            throw new AdmissionRefused("category", violation);
        });
        apply(new MemberAdmitted(cmd.member(), cmd.country(), cmd.name(), cmd.localName(), cmd.category(),
                cmd.admittedOn(), cmd.basis()));
    }

    @EventSourcingHandler
    void on(MemberAdmitted e) {
        id = e.member();
        category = e.category();
    }
}
