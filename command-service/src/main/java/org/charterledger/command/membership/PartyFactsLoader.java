package org.charterledger.command.membership;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.charterledger.charter.DuesRates;
import org.charterledger.charter.PartyFacts;
import org.charterledger.events.DuesPaid;
import org.charterledger.events.DuesPaymentReversed;
import org.charterledger.events.DuesRateChanged;
import org.charterledger.events.MemberAdmitted;
import org.charterledger.events.MemberExpelled;
import org.charterledger.events.MemberId;
import org.charterledger.events.MemberWithdrew;
import org.charterledger.events.PartyCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The recorded facts of every party and the dues schedule, read from their event streams and folded exactly as
 * the aggregates fold them: what a voter roll is computed from.
 */
@Component
public class PartyFactsLoader {

    private final EventStore events;
    private final JdbcClient jdbc;

    PartyFactsLoader(EventStore events, JdbcClient jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    public Map<MemberId, PartyFacts> allParties() {
        Map<MemberId, PartyFacts> parties = new LinkedHashMap<>();
        for (String id : jdbc.sql("""
                        SELECT DISTINCT aggregate_identifier FROM ledger.domain_event_entry
                        WHERE type = 'Member' ORDER BY aggregate_identifier""")
                .query(String.class).list()) {
            PartyFacts facts = PartyFacts.none();
            for (Object event : payloads(id)) {
                facts = fold(facts, event);
            }
            parties.put(new MemberId(id), facts);
        }
        return parties;
    }

    /** Those of {@code parties} the ledger records as parties, whatever their category and on any date. */
    public Set<MemberId> recorded(Collection<MemberId> parties) {
        if (parties.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("""
                        SELECT DISTINCT aggregate_identifier FROM ledger.domain_event_entry
                        WHERE type = 'Member' AND aggregate_identifier IN (:ids)""")
                .param("ids", parties.stream().map(MemberId::value).distinct().toList())
                .query(String.class).list().stream().map(MemberId::new).collect(Collectors.toSet());
    }

    /** The category of each of {@code parties} on {@code date}; a party that was none then is absent. */
    public Map<MemberId, PartyCategory> categoriesOn(List<MemberId> parties, LocalDate date) {
        Map<MemberId, PartyCategory> categories = new LinkedHashMap<>();
        for (MemberId party : parties) {
            PartyFacts facts = PartyFacts.none();
            for (Object event : payloads(party.value())) {
                facts = fold(facts, event);
            }
            facts.categoryOn(date).ifPresent(category -> categories.put(party, category));
        }
        return categories;
    }

    public DuesRates rates() {
        DuesRates rates = DuesRates.initial();
        for (Object event : payloads(DuesSchedule.ID)) {
            if (event instanceof DuesRateChanged change) {
                rates = rates.changedFrom(change.fromYear(), change.amount());
            }
        }
        return rates;
    }

    private List<Object> payloads(String aggregate) {
        return events.readEvents(aggregate).asStream().map(message -> (Object) message.getPayload()).toList();
    }

    private static PartyFacts fold(PartyFacts facts, Object event) {
        if (event instanceof MemberAdmitted e) {
            return facts.with(e);
        } else if (event instanceof MemberWithdrew e) {
            return facts.with(e);
        } else if (event instanceof MemberExpelled e) {
            return facts.with(e);
        } else if (event instanceof DuesPaid e) {
            return facts.with(e);
        } else if (event instanceof DuesPaymentReversed e) {
            return facts.with(e);
        }
        return facts;
    }
}
