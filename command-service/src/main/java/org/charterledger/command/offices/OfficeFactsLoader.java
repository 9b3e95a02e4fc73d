package org.charterledger.command.offices;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.charterledger.charter.ChairTerms;
import org.charterledger.events.AuditorElected;
import org.charterledger.events.ChairTermBegan;
import org.charterledger.events.ChairTermEnded;
import org.charterledger.events.CountryCode;
import org.charterledger.events.MemberId;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The chair's terms and the auditors' seats, read from their streams: facts other decisions depend on. */
@Component
public class OfficeFactsLoader {

    private final EventStore events;

    OfficeFactsLoader(EventStore events) {
        this.events = events;
    }

    /** The government holding the chair on {@code date}, if the ledger records one. */
    public MemberId chairOn(LocalDate date) {
        List<ChairTerms.Term> terms = new ArrayList<>();
        for (Object event : payloads(Chairmanship.ID)) {
            if (event instanceof ChairTermBegan began) {
                terms.add(new ChairTerms.Term(began.ordinal(), began.holder(), began.from(), null, began.electedBy()));
            } else if (event instanceof ChairTermEnded ended) {
                terms.replaceAll(t -> t.ordinal() == ended.ordinal()
                        ? new ChairTerms.Term(t.ordinal(), t.holder(), t.from(), ended.until(), t.electedBy()) : t);
            }
        }
        return ChairTerms.on(terms, date).map(ChairTerms.Term::holder).orElse(null);
    }

    /** The countries that already hold an auditor's seat in {@code term}. */
    public Set<CountryCode> auditorCountries(int term) {
        return payloads(Auditors.ID).stream()
                .filter(AuditorElected.class::isInstance).map(AuditorElected.class::cast)
                .filter(e -> e.term() == term).map(AuditorElected::country)
                .collect(Collectors.toSet());
    }

    private List<Object> payloads(String aggregate) {
        return events.readEvents(aggregate).asStream().map(message -> (Object) message.getPayload()).toList();
    }
}
