package org.charterledger.command.membership;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.charterledger.charter.DuesRates;
import org.charterledger.charter.PartyFacts;
import org.charterledger.events.DuesRateChanged;
import org.charterledger.events.EventJson;
import org.charterledger.events.MemberId;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.PartyEvent;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The recorded facts of every party ({@link PartyFacts}) and the dues schedule: what a voter roll is computed from.
 * A party's facts are folded from its events by the {@code Member} aggregate's fold ({@link PartyFacts#then}), and
 * kept in {@code ledger.party_facts} by this subscribing handler in the transaction that appends the events, so
 * that opening a motion reads every party's facts in one query instead of replaying every party's stream. A ledger recorded before
 * the table existed, or whose events were written by other means, is folded into it at start.
 */
@Component
@ProcessingGroup(PartyFactsLoader.GROUP)
public class PartyFactsLoader implements SmartInitializingSingleton {

    static final String GROUP = "party-facts";

    private final EventStore events;
    private final JdbcClient jdbc;
    private final ObjectMapper json = EventJson.mapper();

    PartyFactsLoader(EventStore events, JdbcClient jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    public Map<MemberId, PartyFacts> allParties() {
        Map<MemberId, PartyFacts> parties = new LinkedHashMap<>();
        jdbc.sql("SELECT party_id, facts FROM ledger.party_facts ORDER BY party_id")
                .query(rs -> {
                    parties.put(new MemberId(rs.getString(1)), read(rs.getString(2)));
                });
        return parties;
    }

    /** Those of {@code parties} the ledger records as parties, whatever their category and on any date. */
    public Set<MemberId> recorded(Collection<MemberId> parties) {
        if (parties.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("SELECT party_id FROM ledger.party_facts WHERE party_id IN (:ids)")
                .param("ids", parties.stream().map(MemberId::value).distinct().toList())
                .query(String.class).list().stream().map(MemberId::new).collect(Collectors.toSet());
    }

    /** The category of each of {@code parties} on {@code date}; a party that was none then is absent. */
    public Map<MemberId, PartyCategory> categoriesOn(List<MemberId> parties, LocalDate date) {
        Map<MemberId, PartyCategory> categories = new LinkedHashMap<>();
        for (MemberId party : parties) {
            stored(party.value()).flatMap(facts -> facts.categoryOn(date))
                    .ifPresent(category -> categories.put(party, category));
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

    @EventHandler
    void on(PartyEvent e, DomainEventMessage<?> message) {
        record(e.member(), message.getSequenceNumber(), facts -> facts.then(e));
    }

    /**
     * Folds, at start, every party whose stored facts lag behind its stream: a ledger recorded before the table
     * existed, or events written by other means (a restore, a bulk load). A no-op on a ledger kept by this handler.
     */
    @Override
    public void afterSingletonsInstantiated() {
        Map<String, Long> folded = new HashMap<>();
        jdbc.sql("SELECT party_id, last_sequence FROM ledger.party_facts")
                .query(rs -> {
                    folded.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> recorded = new HashMap<>();
        jdbc.sql("""
                        SELECT aggregate_identifier, MAX(sequence_number) FROM ledger.domain_event_entry
                        WHERE type = 'Member' GROUP BY aggregate_identifier""")
                .query(rs -> {
                    recorded.put(rs.getString(1), rs.getLong(2));
                });
        recorded.forEach((party, last) -> {
            Long stored = folded.get(party);
            if (stored == null || stored < last) {
                store(party, last, foldedBefore(party, Long.MAX_VALUE), stored != null);
            }
        });
    }

    private void record(MemberId party, long sequence, UnaryOperator<PartyFacts> change) {
        Optional<PartyFacts> stored = stored(party.value());
        // a party's first event starts from nothing; a party not folded yet (written by other means since the
        // start) is folded from its stream up to this event
        PartyFacts before = stored.orElseGet(() -> sequence == 0 ? PartyFacts.none()
                : foldedBefore(party.value(), sequence));
        store(party.value(), sequence, change.apply(before), stored.isPresent());
    }

    private void store(String party, long sequence, PartyFacts facts, boolean exists) {
        if (exists) {
            jdbc.sql("UPDATE ledger.party_facts SET facts = ?, last_sequence = ? WHERE party_id = ?")
                    .params(write(facts), sequence, party).update();
        } else {
            jdbc.sql("INSERT INTO ledger.party_facts (party_id, facts, last_sequence) VALUES (?, ?, ?)")
                    .params(party, write(facts), sequence).update();
        }
    }

    private Optional<PartyFacts> stored(String party) {
        return jdbc.sql("SELECT facts FROM ledger.party_facts WHERE party_id = ?").param(party)
                .query(String.class).optional().map(this::read);
    }

    /** The party's facts folded from its stored events with a sequence number below {@code sequence}. */
    private PartyFacts foldedBefore(String party, long sequence) {
        return PartyFacts.fold(events.readEvents(party).asStream()
                .filter(event -> event.getSequenceNumber() < sequence)
                .map(event -> (PartyEvent) event.getPayload())
                .toList());
    }

    private List<Object> payloads(String aggregate) {
        return events.readEvents(aggregate).asStream().map(message -> (Object) message.getPayload()).toList();
    }

    private String write(PartyFacts facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the facts of a party", e);
        }
    }

    private PartyFacts read(String facts) {
        try {
            return json.readValue(facts, PartyFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the facts of a party", e);
        }
    }
}
