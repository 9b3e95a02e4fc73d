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
import org.charterledger.charter.DuesRates;
import org.charterledger.charter.DuesStanding;
import org.charterledger.charter.PartyFacts;
import org.charterledger.events.AttendanceRecorded;
import org.charterledger.events.DuesRateChanged;
import org.charterledger.events.FiscalYear;
import org.charterledger.events.PartyCategory;
import org.charterledger.events.PartyEvent;
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
import org.charterledger.proof.Evidence;
import org.charterledger.proof.PublishedHead;
import org.charterledger.proof.StoredRow;
import org.charterledger.proof.TreeHead;
import org.charterledger.query.config.CsvExport;
import org.charterledger.query.config.InvalidParameter;
import org.charterledger.query.config.JsonLinesExport;
import org.charterledger.query.config.LedgerPosition;
import org.charterledger.query.config.NotFound;
import org.charterledger.query.config.Rows;
import org.charterledger.web.EventTable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * What an auditor reads: the raw record, the chain's digest and its verification, and each decision re-derived from
 * its recorded events alone, side by side with the outcome that was recorded.
 */
@RestController
@Tag(name = "Audit", description = "The record, tamper evidence, and decisions re-derived from their events")
public class AuditController {

    private static final int MAX_LIMIT = 1000;
    /** Rows the database sends at a time while the whole record is downloaded, so it is never held in memory. */
    private static final int EXPORT_FETCH_SIZE = 500;
    private static final String RECORD = """
            SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier,
                   time_stamp, payload_type, payload_revision, payload, meta_data
            FROM ledger.domain_event_entry
            WHERE global_index > ? AND global_index <= ?
              AND (CAST(? AS VARCHAR(255)) IS NULL OR aggregate_identifier = ?)
              AND (CAST(? AS VARCHAR(255)) IS NULL OR type = ?)
              AND (CAST(? AS VARCHAR(255)) IS NULL OR payload_type = ?)
            ORDER BY global_index""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditChain chain;
    private final MerkleLog tree;
    private final TreeHeads heads;
    private final LedgerPosition position;
    /** Axon's event serializer and upcaster chain: the audit reads a stored event as every view reads it. */
    private final Configuration axon;
    /** The record's download: a cursor in a read-only transaction (PostgreSQL fetches by cursor only in one). */
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    AuditController(JdbcClient jdbc, ObjectMapper json, AuditChain chain, MerkleLog tree, TreeHeads heads,
                    LedgerPosition position, Configuration axon, DataSource dataSource,
                    TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.chain = chain;
        this.tree = tree;
        this.heads = heads;
        this.position = position;
        this.axon = axon;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(EXPORT_FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** An event as stored, with what it says in business terms. */
    public record RecordedEvent(long position, String aggregate, String aggregateType, long sequence, String type,
                         String revision,
                         LocalDate businessDate, String recordedAt, String principal, String requestId,
                         String decidedBy, JsonNode payload) {
    }

    public record Page(long after, long settledUpTo, Long next, List<RecordedEvent> events) {
    }

    /** An event of the record as a CSV row: its payload as its JSON text in one field. */
    record EventRow(long position, String aggregate, String aggregateType, long sequence, String type,
                    String revision, LocalDate businessDate, String recordedAt, String principal, String requestId,
                    String decidedBy, String payload) {

        static EventRow of(RecordedEvent event) {
            return new EventRow(event.position(), event.aggregate(), event.aggregateType(), event.sequence(),
                    event.type(), event.revision(), event.businessDate(), event.recordedAt(), event.principal(),
                    event.requestId(), event.decidedBy(), event.payload().toString());
        }
    }

    public record Digest(long position, String link, long eventsInStore, long eventsChained, long unchained,
                  long storeHead) {
    }

    public record VerificationAnswer(long position, String digest, boolean valid, String recomputedLink,
                              Long firstDifference) {
    }

    public record Ballot(String member, Choice choice, LocalDate castOn, long position) {
    }

    public record Derivation(String motion, String rule, String article, Tally recomputed, Tally recorded, String outcome,
                      String recordedOutcome, boolean consistent) {
    }

    public record Certificate(String motion, String meeting, String subject, String kind, Integer item, JsonNode effect,
                       String rule, String article, LocalDate rollDate, List<RollEntry> roll, JsonNode leftOff,
                       List<String> attendance, List<Ballot> ballots, List<String> present, Tally arithmetic,
                       String outcome, boolean consistent, List<Long> positions, long lastPosition,
                       String chainLink, List<Long> effects, Evidence evidence) {
    }

    @GetMapping("/api/audit/events")
    @Operation(operationId = "listEvents", summary = "The record, paged by position",
            description = "Events after a position, up to the position every view has settled (so a page never"
                    + " changes), optionally of one aggregate, one kind of aggregate (aggregateType: Member, Motion,"
                    + " Meeting, ...) or one event type, or with a business date in a range.")
    public Page events(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit,
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
        return page(after, position.settled(), limit, aggregate, aggregateType, type, from, to);
    }

    /** A page of the record after {@code after} up to {@code settled}, a position every view has settled. */
    Page page(long after, long settled, int limit, String aggregate, String aggregateType, String type,
              LocalDate from, LocalDate to) {
        List<RecordedEvent> events = new ArrayList<>();
        long cursor = after;
        while (events.size() < limit && cursor < settled) {
            List<RecordedEvent> chunk = jdbc.sql(RECORD + " LIMIT ?")
                    .params(recordParameters(cursor, settled, aggregate, aggregateType, type, MAX_LIMIT))
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

    /**
     * The whole record as JSON Lines (Accept: application/x-ndjson or application/jsonl, or ?format=jsonl): every
     * event after {@code after} up to the settled position, with the pages' filters and no limit, each line the
     * JSON a page holds for it, streamed in position order.
     */
    @GetMapping(path = "/api/audit/events", produces = {"application/x-ndjson", "application/jsonl"})
    JsonLinesExport<RecordedEvent> record(@RequestParam(defaultValue = "0") long after,
                                          @RequestParam(required = false) String aggregate,
                                          @RequestParam(required = false) String aggregateType,
                                          @RequestParam(required = false) String type,
                                          @RequestParam(required = false)
                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false)
                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (after < 0) {
            throw new InvalidParameter("after", "must be a ledger position, 0 or more");
        }
        long settled = position.settled();
        return new JsonLinesExport<>(exportName(settled), stream(after, settled, aggregate, aggregateType, type, from, to));
    }

    /** The whole record as CSV (Accept: text/csv, or ?format=csv), streamed as the JSON Lines are: an event a row. */
    @GetMapping(path = "/api/audit/events", produces = "text/csv")
    CsvExport<EventRow> recordAsCsv(@RequestParam(defaultValue = "0") long after,
                                    @RequestParam(required = false) String aggregate,
                                    @RequestParam(required = false) String aggregateType,
                                    @RequestParam(required = false) String type,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        JsonLinesExport<RecordedEvent> events = record(after, aggregate, aggregateType, type, from, to);
        return new CsvExport<>(events.name(), EventRow.class,
                row -> events.rows().forEach(event -> row.accept(EventRow.of(event))));
    }

    private String exportName(long settled) {
        return "event-record-" + LocalDate.now(clock) + "-to-" + settled;
    }

    /**
     * The record's events after {@code after} up to {@code settled}, read as the response is written: one cursor in
     * position order, {@value #EXPORT_FETCH_SIZE} rows fetched at a time, each event handed on and let go.
     */
    private Rows<RecordedEvent> stream(long after, long settled, String aggregate, String aggregateType, String type,
                                       LocalDate from, LocalDate to) {
        return row -> readOnly.executeWithoutResult(transaction -> streaming.query(RECORD, (RowCallbackHandler) rs -> {
            RecordedEvent event = recorded(stored(rs), rs.getString("time_stamp"));
            if (inRange(event.businessDate(), from, to)) {
                row.accept(event);
            }
        }, recordParameters(after, settled, aggregate, aggregateType, type)));
    }

    private static Object[] recordParameters(long after, long settled, String aggregate, String aggregateType,
                                             String type, Object... more) {
        Object[] parameters = {after, settled, aggregate, aggregate, aggregateType, aggregateType, type,
                type == null ? null : type.contains(".") ? type : "org.charterledger.events." + type};
        Object[] all = Arrays.copyOf(parameters, parameters.length + more.length);
        System.arraycopy(more, 0, all, parameters.length, more.length);
        return all;
    }

    @GetMapping("/api/audit/digest")
    @Operation(operationId = "getDigest", summary = "The head of the hash chain: the position it covers and its link",
            description = "File the link; later, ask /api/audit/verification whether the record up to that position"
                    + " still yields it. eventsInStore and eventsChained show any event the chain does not cover.")
    public Digest digest() {
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
    public VerificationAnswer verify(@RequestParam long position, @RequestParam String digest) {
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
    public Derivation derivation(@PathVariable MotionId id) {
        Recorded recorded = recorded(id);
        return derivation(id, recorded, recompute(recorded));
    }

    /** The derivation of a motion whose events are already read and counted. */
    private Derivation derivation(MotionId id, Recorded recorded, Tally recomputed) {
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
            + " positions it rests on, the chain's link at the last of them, and the evidence that proves it",
            description = "evidence carries the events as stored, each with its inclusion proof in a signed tree"
                    + " head's tree, and, given since (the size of a head the auditor filed earlier), the proof that"
                    + " this head's tree extends the filed one: the offline verifier checks it all without the ledger.")
    public Certificate certificate(@PathVariable MotionId id, @RequestParam(required = false) Long since) {
        Recorded recorded = recorded(id);
        Count count = count(recorded);
        Tally arithmetic = count.tally();
        MotionOpened opened = recorded.opened();
        Derivation derivation = derivation(id, recorded, arithmetic);
        chain.extend();
        long last = recorded.positions().get(recorded.positions().size() - 1);
        List<Long> effects = recorded.decided() == null ? List.of() : effects(id, recorded.decidedAt());
        return new Certificate(id.value(), opened.meeting().value(), opened.subject(), opened.kind().name(),
                opened.item(), json.valueToTree(opened.effect()), opened.rule(), arithmetic.article(),
                opened.rollDate(), opened.roll(), json.valueToTree(opened.leftOff()),
                recorded.attendance().stream().map(MemberId::value).toList(), recorded.ballots(),
                count.present().stream().map(MemberId::value).toList(), arithmetic, arithmetic.outcome().name(),
                derivation.consistent(), recorded.positions(), last, chain.linkAt(last).orElse(null), effects,
                evidence(java.util.stream.Stream.concat(recorded.positions().stream(), effects.stream()).distinct()
                        .sorted().toList(), since));
    }

    /**
     * The events at {@code positions} as stored, with their inclusion proofs in the newest signed head (one is issued
     * when none covers them yet), and the consistency proof from the filed head of size {@code since}, if named.
     * None while some of the events are not settled into the tree yet.
     */
    private Evidence evidence(List<Long> positions, Long since) {
        if (since != null && since < 1) {
            throw new InvalidParameter("since", "must be the size of a signed head you filed, 1 or more");
        }
        tree.extend();
        List<MerkleLog.Leaf> leaves = new ArrayList<>();
        for (long at : positions) {
            var leaf = tree.leafAt(at);
            if (leaf.isEmpty()) {
                return null;
            }
            leaves.add(leaf.get());
        }
        long needed = leaves.stream().mapToLong(MerkleLog.Leaf::index).max().orElse(-1) + 1;
        TreeHead head = heads.covering(Math.max(needed, since == null ? 0 : since));
        Evidence.Consistency consistency = null;
        if (since != null) {
            if (since > head.treeSize()) {
                throw new InvalidParameter("since", "is larger than the ledger's tree (" + head.treeSize()
                        + " events): a head you filed is never larger");
            }
            consistency = new Evidence.Consistency(since, head.treeSize(), tree.consistency(since, head.treeSize()));
        }
        List<Evidence.EventProof> events = new ArrayList<>();
        for (MerkleLog.Leaf leaf : leaves) {
            StoredRow row = jdbc.sql(AuditChain.ROWS + " WHERE global_index = ?").param(leaf.position())
                    .query((rs, i) -> AuditChain.row(rs)).single();
            events.add(new Evidence.EventProof(leaf.index(), row, tree.inclusion(leaf.index(), head.treeSize())));
        }
        return new Evidence(PublishedHead.of(head, heads.publicKey()), consistency, events);
    }

    /** A party's rights on a date, as the charter's rule derives them from its events, with the evidence. */
    record RightsCertificate(String member, LocalDate asOf, PartyCategory category, boolean mayVote,
                             boolean mayStandAndElect, LocalDate restrictedSince, List<FiscalYear> yearsInArrears,
                             String reason, List<String> articles, List<Long> positions, Evidence evidence) {
    }

    @GetMapping("/api/audit/rights/{memberId}/certificate")
    @Operation(summary = "A party's rights on a date, with the events they were derived from and their proofs",
            description = "The party's own events (admission, payments, reversals, withdrawal, expulsion) and every"
                    + " change of the dues rate, as stored, with their inclusion proofs in a signed head's tree and,"
                    + " given since, the consistency proof from a head filed earlier: the offline verifier derives"
                    + " the rights again by the same rule (DuesStanding).")
    RightsCertificate rightsCertificate(@PathVariable MemberId memberId,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                        @RequestParam(required = false) Long since) {
        List<Map.Entry<Long, LedgerEvent>> own = load(memberId.value()).stream()
                .filter(e -> e.getValue() instanceof PartyEvent).toList();
        if (own.isEmpty()) {
            throw new NotFound("memberId", "no party " + memberId.value() + " in the record");
        }
        List<Map.Entry<Long, LedgerEvent>> rateChanges = loadType(DuesRateChanged.class);
        PartyFacts facts = PartyFacts.fold(own.stream().map(e -> (PartyEvent) e.getValue()).toList());
        DuesStanding standing = DuesStanding.at(facts, DuesRates.fold(rateChanges.stream()
                .map(e -> (DuesRateChanged) e.getValue()).toList()), asOf);
        List<Long> positions = java.util.stream.Stream.concat(own.stream(), rateChanges.stream())
                .map(Map.Entry::getKey).sorted().toList();
        return new RightsCertificate(memberId.value(), asOf, standing.category(), standing.mayVote(),
                standing.mayStandAndElect(), standing.restrictedSince(), standing.yearsInArrears(), standing.reason(),
                standing.articles(), positions, evidence(positions, since));
    }

    /** Every event of one type, with its position, upcast and deserialized as the views read them. */
    private List<Map.Entry<Long, LedgerEvent>> loadType(Class<? extends LedgerEvent> type) {
        List<TrackedDomainEventData<byte[]>> stored = jdbc.sql("""
                        SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                               payload_type, payload_revision, payload, meta_data
                        FROM ledger.domain_event_entry WHERE payload_type = ? AND global_index <= ?
                        ORDER BY global_index""")
                .params(type.getName(), position.settled())
                .query((rs, i) -> stored(rs))
                .list();
        return read(stored.stream())
                .map(event -> Map.entry(event.trackingToken().position().orElseThrow(),
                        (LedgerEvent) event.getPayload()))
                .toList();
    }

    /** The motion's events and its meeting's attendance recorded before its decision, with their positions. */
    private record Recorded(MotionOpened opened, List<Ballot> ballots, List<MemberId> attendance,
                            MotionDecided decided, long decidedAt, List<Long> positions) {
    }

    /** The most events that carrying out one decision appends, in the transaction that records it. */
    private static final int MAX_EFFECTS = 100;

    /**
     * The positions of the events that carried the decision out (an admission, an expulsion, a dues rate, an auditor,
     * a subcommittee, its coordinators: each cites the motion as {@code decidedBy}), appended in the transaction
     * that recorded the decision, so among the events right after it.
     */
    private List<Long> effects(MotionId id, long decidedAt) {
        List<TrackedDomainEventData<byte[]>> after = jdbc.sql("""
                        SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                               payload_type, payload_revision, payload, meta_data
                        FROM ledger.domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT ?""")
                .params(decidedAt, MAX_EFFECTS).query((rs, i) -> stored(rs)).list();
        List<Long> effects = new ArrayList<>();
        for (TrackedDomainEventData<byte[]> row : after) {
            if (!row.getAggregateIdentifier().equals(id.value()) && cites(row, id)) {
                effects.add(row.trackingToken().position().orElseThrow());
            }
        }
        return effects;
    }

    private boolean cites(TrackedDomainEventData<byte[]> row, MotionId id) {
        try {
            JsonNode body = json.readTree(row.getPayload().getData());
            return id.value().equals(body.path("decidedBy").asText(null))
                    || id.value().equals(body.path("electedBy").asText(null));
        } catch (IOException unreadable) {
            return false;
        }
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
        return new Recorded(opened, ballots, attendance, decided, decidedAt, positions);
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
