package org.charterledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.SerializationException;
import org.charterledger.charter.Count;
import org.charterledger.charter.DecisionRule;
import org.charterledger.events.AttendanceRecorded;
import org.charterledger.events.BusinessDated;
import org.charterledger.events.Choice;
import org.charterledger.events.LedgerEvent;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionDecided;
import org.charterledger.events.MotionId;
import org.charterledger.events.MotionOpened;
import org.charterledger.events.RollEntry;
import org.charterledger.events.SubcommitteeEvent;
import org.charterledger.events.Tally;
import org.charterledger.events.VoteCast;
import org.charterledger.query.config.InvalidParameter;
import org.charterledger.query.config.LedgerPosition;
import org.charterledger.query.config.NotFound;
import org.charterledger.web.EventTable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What an auditor reads: the raw record, the chain's digest and its verification, and each decision re-derived from
 * its recorded events alone, side by side with the outcome that was recorded.
 */
@RestController
@Tag(name = "Audit", description = "The record, tamper evidence, and decisions re-derived from their events")
class AuditController {

    private static final int MAX_LIMIT = 1000;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditChain chain;
    private final LedgerPosition position;
    /** Axon's event serializer and upcaster chain: the audit reads a stored event as every view reads it. */
    private final Configuration axon;

    AuditController(JdbcClient jdbc, ObjectMapper json, AuditChain chain, LedgerPosition position,
                    Configuration axon) {
        this.jdbc = jdbc;
        this.json = json;
        this.chain = chain;
        this.position = position;
        this.axon = axon;
    }

    /** An event as stored, with what it says in business terms. */
    record RecordedEvent(long position, String aggregate, String aggregateType, long sequence, String type,
                         String revision,
                         LocalDate businessDate, String recordedAt, String principal, String requestId,
                         String decidedBy, JsonNode payload) {
    }

    record Page(long after, long settledUpTo, Long next, List<RecordedEvent> events) {
    }

    record Digest(long position, String link, long eventsInStore, long eventsChained, long unchained,
                  long storeHead) {
    }

    record VerificationAnswer(long position, String digest, boolean valid, String recomputedLink,
                              Long firstDifference) {
    }

    record Ballot(String member, Choice choice, LocalDate castOn, long position) {
    }

    record Derivation(String motion, String rule, String article, Tally recomputed, Tally recorded, String outcome,
                      String recordedOutcome, boolean consistent) {
    }

    record Certificate(String motion, String meeting, String subject, String kind, Integer item, JsonNode effect,
                       String rule, String article, LocalDate rollDate, List<RollEntry> roll, JsonNode leftOff,
                       List<String> attendance, List<Ballot> ballots, List<String> present, Tally arithmetic,
                       String outcome, boolean consistent, List<Long> positions, long lastPosition,
                       String chainLink) {
    }

    @GetMapping("/api/audit/events")
    @Operation(operationId = "listEvents", summary = "The record, paged by position",
            description = "Events after a position, up to the position every view has settled (so a page never"
                    + " changes), optionally of one aggregate, one kind of aggregate (aggregateType: Member, Motion,"
                    + " Meeting, ...) or one event type, or with a business date in a range.")
    Page events(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit,
                @RequestParam(required = false) String aggregate, @RequestParam(required = false) String aggregateType,
                @RequestParam(required = false) String type,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameter("limit", "must be from 1 to " + MAX_LIMIT);
        }
        if (after < 0) {
            throw new InvalidParameter("after", "must be a ledger position, 0 or more");
        }
        long settled = position.settled();
        List<RecordedEvent> events = new ArrayList<>();
        long cursor = after;
        while (events.size() < limit && cursor < settled) {
            List<RecordedEvent> chunk = jdbc.sql("""
                            SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier,
                                   time_stamp, payload_type, payload_revision, payload, meta_data
                            FROM ledger.domain_event_entry
                            WHERE global_index > ? AND global_index <= ?
                              AND (CAST(? AS VARCHAR(255)) IS NULL OR aggregate_identifier = ?)
                              AND (CAST(? AS VARCHAR(255)) IS NULL OR type = ?)
                              AND (CAST(? AS VARCHAR(255)) IS NULL OR payload_type = ?)
                            ORDER BY global_index LIMIT ?""")
                    .params(cursor, settled, aggregate, aggregate, aggregateType, aggregateType, type, type == null ? null
                            : type.contains(".") ? type : "org.charterledger.events." + type, MAX_LIMIT)
                    .query((rs, i) -> recorded(stored(rs), rs.getString("time_stamp")))
                    .list();
            if (chunk.isEmpty()) {
                break;
            }
            for (RecordedEvent event : chunk) {
                cursor = event.position();
                if (inRange(event.businessDate(), from, to)) {
                    events.add(event);
                    if (events.size() == limit) {
                        break;
                    }
                }
            }
        }
        Long next = events.size() == limit ? events.get(events.size() - 1).position() : null;
        return new Page(after, settled, next, events);
    }

    @GetMapping("/api/audit/digest")
    @Operation(operationId = "getDigest", summary = "The head of the hash chain: the position it covers and its link",
            description = "File the link; later, ask /api/audit/verification whether the record up to that position"
                    + " still yields it. eventsInStore and eventsChained show any event the chain does not cover.")
    Digest digest() {
        chain.extend();
        AuditChain.Link head = chain.head().orElse(new AuditChain.Link(0, AuditChain.GENESIS));
        long stored = chain.stored(head.position());
        long chained = chain.chained();
        long storeHead = EventTable.newestPosition(jdbc);
        return new Digest(head.position(), head.link(), stored, chained, stored - chained, storeHead);
    }

    @GetMapping("/api/audit/verification")
    @Operation(operationId = "verifyDigest",
            summary = "Does the record up to a position still yield the digest filed for it?",
            description = "Recomputes the chain from the stored events; if anything was changed, removed or moved,"
                    + " names the first position that differs.")
    VerificationAnswer verify(@RequestParam long position, @RequestParam String digest) {
        if (!digest.matches("[0-9a-f]{64}")) {
            throw new InvalidParameter("digest", "must be a link of the chain: 64 lower-case hexadecimal digits");
        }
        if (position < 0) {
            throw new InvalidParameter("position", "must be a ledger position, 0 or more");
        }
        AuditChain.Verification verification = chain.verify(position);
        boolean valid = verification.firstDifference() == null && verification.recomputedLink().equals(digest);
        return new VerificationAnswer(position, digest, valid, verification.recomputedLink(),
                verification.firstDifference());
    }

    @GetMapping("/api/audit/motions/{id}/derivation")
    @Operation(operationId = "getDerivation",
            summary = "A decision recomputed from its recorded events alone, beside the outcome recorded")
    Derivation derivation(@PathVariable MotionId id) {
        Recorded recorded = recorded(id);
        Tally recomputed = recompute(recorded);
        MotionDecided decided = recorded.decided();
        // The recorded tests are written again from the recorded numbers (a decision recorded before the ledger
        // wrote a failed test with its true sign keeps its numbers and outcome), so consistency compares the
        // numbers, the rule and the outcome, and the answer never repeats a false inequality.
        Tally recordedTally = decided == null ? null : DecisionRule.restate(decided.tally());
        return new Derivation(id.value(), recorded.opened().rule(), recomputed.article(), recomputed,
                recordedTally, recomputed.outcome().name(), decided == null ? null : decided.outcome().name(),
                decided != null && recomputed.equals(recordedTally) && recomputed.outcome() == decided.outcome());
    }

    @GetMapping("/api/audit/motions/{id}/certificate")
    @Operation(operationId = "getCertificate",
            summary = "One document to file: the motion, its roll, attendance, ballots, arithmetic, the event"
            + " positions it rests on, and the chain's link at the last of them")
    Certificate certificate(@PathVariable MotionId id) {
        Recorded recorded = recorded(id);
        Count count = count(recorded);
        Tally arithmetic = count.tally();
        MotionOpened opened = recorded.opened();
        Derivation derivation = derivation(id);
        chain.extend();
        long last = recorded.positions().get(recorded.positions().size() - 1);
        return new Certificate(id.value(), opened.meeting().value(), opened.subject(), opened.kind().name(),
                opened.item(), json.valueToTree(opened.effect()), opened.rule(), arithmetic.article(),
                opened.rollDate(), opened.roll(), json.valueToTree(opened.leftOff()),
                recorded.attendance().stream().map(MemberId::value).toList(), recorded.ballots(),
                count.present().stream().map(MemberId::value).toList(), arithmetic, arithmetic.outcome().name(),
                derivation.consistent(), recorded.positions(), last, chain.linkAt(last).orElse(null));
    }

    /** The motion's events and its meeting's attendance recorded before its decision, with their positions. */
    private record Recorded(MotionOpened opened, List<Ballot> ballots, List<MemberId> attendance,
                            MotionDecided decided, List<Long> positions) {
    }

    private Recorded recorded(MotionId id) {
        List<Map.Entry<Long, LedgerEvent>> motionEvents = load(id.value());
        MotionOpened opened = motionEvents.stream().map(Map.Entry::getValue)
                .filter(MotionOpened.class::isInstance).map(MotionOpened.class::cast).findFirst()
                .orElseThrow(() -> new NotFound("id", "no motion " + id));
        List<Ballot> ballots = new ArrayList<>();
        MotionDecided decided = null;
        long decidedAt = Long.MAX_VALUE;
        List<Long> positions = new ArrayList<>();
        for (Map.Entry<Long, LedgerEvent> event : motionEvents) {
            positions.add(event.getKey());
            if (event.getValue() instanceof VoteCast vote) {
                ballots.add(new Ballot(vote.member().value(), vote.choice(), vote.castOn(), event.getKey()));
            } else if (event.getValue() instanceof MotionDecided d) {
                decided = d;
                decidedAt = event.getKey();
            }
        }
        List<MemberId> attendance = new ArrayList<>();
        for (Map.Entry<Long, LedgerEvent> event : load(opened.meeting().value())) {
            if (event.getKey() < decidedAt && event.getValue() instanceof AttendanceRecorded recorded) {
                attendance.addAll(recorded.present());
                positions.add(event.getKey());
            }
        }
        positions.sort(Long::compare);
        return new Recorded(opened, ballots, attendance, decided, positions);
    }

    /** The count of {@link Count#of}, from the recorded roll, ballots and attendance alone. */
    private Count count(Recorded recorded) {
        Map<MemberId, Choice> cast = new LinkedHashMap<>();
        recorded.ballots().forEach(b -> cast.put(new MemberId(b.member()), b.choice()));
        MotionOpened opened = recorded.opened();
        return Count.of(DecisionRule.valueOf(opened.rule()), opened.procedure(),
                opened.roll().stream().map(RollEntry::member).toList(), cast, recorded.attendance());
    }

    private Tally recompute(Recorded recorded) {
        return count(recorded).tally();
    }

    /** An aggregate's events with their positions, upcast and deserialized as the views read them. */
    private List<Map.Entry<Long, LedgerEvent>> load(String aggregate) {
        List<TrackedDomainEventData<byte[]>> stored = jdbc.sql("""
                        SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                               payload_type, payload_revision, payload, meta_data
                        FROM ledger.domain_event_entry WHERE aggregate_identifier = ? ORDER BY global_index""")
                .param(aggregate)
                .query((rs, i) -> stored(rs))
                .list();
        return read(stored.stream())
                .map(event -> Map.entry(event.trackingToken().position().orElseThrow(),
                        (LedgerEvent) event.getPayload()))
                .toList();
    }

    /** An event row as stored, for Axon's serializer. */
    private static TrackedDomainEventData<byte[]> stored(ResultSet rs) throws SQLException {
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(rs.getLong("global_index")),
                new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregate_identifier"),
                        rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("time_stamp"),
                        rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
                        rs.getBytes("meta_data")));
    }

    /** Stored events as the views read them: upcast to their current revision and deserialized by Axon. */
    private Stream<TrackedEventMessage<?>> read(Stream<TrackedDomainEventData<byte[]>> stored) {
        return EventUtils.upcastAndDeserializeTrackedEvents(stored, axon.eventSerializer(), axon.upcasterChain());
    }

    /**
     * An event as stored, with its business date as the event gives it ({@link BusinessDated}; none for an event
     * without one) and the decision it cites.
     */
    private RecordedEvent recorded(TrackedDomainEventData<byte[]> stored, String recordedAt) {
        try {
            JsonNode body = json.readTree(stored.getPayload().getData());
            byte[] metadata = stored.getMetaData().getData();
            JsonNode meta = metadata == null ? json.createObjectNode() : json.readTree(metadata);
            Object event = event(stored);
            LocalDate businessDate = event instanceof BusinessDated dated ? dated.businessDate() : null;
            String type = stored.getPayload().getType().getName();
            String decidedBy = body.hasNonNull("decidedBy") ? body.get("decidedBy").asText()
                    : body.hasNonNull("electedBy") ? body.get("electedBy").asText()
                    : event instanceof SubcommitteeEvent && body.hasNonNull("reference") ? body.get("reference").asText()
                    : null;
            return new RecordedEvent(stored.trackingToken().position().orElseThrow(), stored.getAggregateIdentifier(),
                    stored.getType(), stored.getSequenceNumber(), type.substring(type.lastIndexOf('.') + 1),
                    stored.getPayload().getType().getRevision(), businessDate, recordedAt,
                    text(meta, "principal"), text(meta, "requestId"), decidedBy, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event a row holds; {@code null} when it cannot be read as one (a row altered in the store). */
    private Object event(TrackedDomainEventData<byte[]> stored) {
        try {
            return read(Stream.of(stored)).findFirst().map(TrackedEventMessage::getPayload).orElse(null);
        } catch (SerializationException unreadable) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static boolean inRange(LocalDate date, LocalDate from, LocalDate to) {
        return (from == null || (date != null && !date.isBefore(from))) && (to == null || (date != null && !date.isAfter(to)));
    }
}
