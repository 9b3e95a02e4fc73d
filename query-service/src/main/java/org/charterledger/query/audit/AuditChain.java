package org.charterledger.query.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.charterledger.proof.StoredRow;
import org.charterledger.query.config.LedgerPosition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A hash chain over the stored event rows in position order: each link is SHA-256 of the previous link and a
 * canonical encoding of the row as stored (position, aggregate, sequence, aggregate type, payload type, revision,
 * payload bytes, metadata bytes, recording time). The chain extends up to the settled position five times a second;
 * recomputing it from the rows later shows whether any was changed, removed or moved.
 */
@Component
public class AuditChain {

    static final String GENESIS = "0".repeat(64);
    static final String ROWS = """
            SELECT global_index, aggregate_identifier, sequence_number, type, payload_type, payload_revision, payload,
                   meta_data, time_stamp
            FROM ledger.domain_event_entry""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final LedgerPosition position;

    AuditChain(JdbcClient jdbc, JdbcTemplate batch, LedgerPosition position, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.position = position;
        Gauge.builder("ledger.audit.unchained", this, AuditChain::unchainedOrNaN)
                .description("Events in the store at or below the chain's head that the chain does not cover")
                .baseUnit("events")
                .register(meters);
    }

    /** A link of the chain. */
    public record Link(long position, String link) {
    }

    /** Extends the chain over the events every view has settled. */
    @Scheduled(fixedDelayString = "${ledger.audit.chain-interval:200}")
    @Transactional
    public synchronized void extend() {
        Link head = head().orElse(new Link(0, GENESIS));
        long settled = position.settled();
        if (settled <= head.position()) {
            return;
        }
        String[] previous = {head.link()};
        List<Object[]> links = jdbc.sql(ROWS + " WHERE global_index > ? AND global_index <= ? ORDER BY global_index")
                .params(head.position(), settled)
                .query((rs, i) -> new Object[]{rs.getLong(1), previous[0] = link(previous[0], encode(rs))})
                .list();
        batch.batchUpdate("INSERT INTO projection.audit_chain (position, link) VALUES (?, ?) ON CONFLICT DO NOTHING",
                links);
    }

    public Optional<Link> head() {
        return jdbc.sql("SELECT position, link FROM projection.audit_chain ORDER BY position DESC LIMIT 1")
                .query((rs, i) -> new Link(rs.getLong(1), rs.getString(2))).optional();
    }

    public Optional<String> linkAt(long at) {
        return jdbc.sql("SELECT link FROM projection.audit_chain WHERE position = ?").param(at)
                .query(String.class).optional();
    }

    public long chained() {
        return jdbc.sql("SELECT COUNT(*) FROM projection.audit_chain").query(Long.class).single();
    }

    /** Events in the store at or below {@code head}. */
    public long stored(long head) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry WHERE global_index <= ?").param(head)
                .query(Long.class).single();
    }

    /**
     * Recomputes the chain from the stored rows up to {@code upTo} and compares it, link by link, with the chain
     * recorded earlier: the first position where they differ, if any (a changed row, a removed row, a row that
     * moved), and the recomputed link at {@code upTo}.
     */
    public Verification verify(long upTo) {
        TreeMap<Long, String> recorded = new TreeMap<>();
        jdbc.sql("SELECT position, link FROM projection.audit_chain WHERE position <= ? ORDER BY position")
                .param(upTo).query(rs -> {
                    recorded.put(rs.getLong(1), rs.getString(2));
                });
        TreeMap<Long, String> recomputed = new TreeMap<>();
        String[] previous = {GENESIS};
        jdbc.sql(ROWS + " WHERE global_index <= ? ORDER BY global_index").param(upTo).query(rs -> {
            previous[0] = link(previous[0], encode(rs));
            recomputed.put(rs.getLong(1), previous[0]);
        });
        TreeSet<Long> positions = new TreeSet<>(recorded.keySet());
        positions.addAll(recomputed.keySet());
        Long firstDifference = positions.stream()
                .filter(at -> !Objects.equals(recorded.get(at), recomputed.get(at)))
                .findFirst().orElse(null);
        return new Verification(upTo, recomputed.isEmpty() ? GENESIS : recomputed.lastEntry().getValue(),
                firstDifference);
    }

    /** The recomputed chain up to a position, and the first position where it differs from the recorded one. */
    public record Verification(long upTo, String recomputedLink, Long firstDifference) {
    }

    static String link(String previous, byte[] encodedRow) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous.getBytes(StandardCharsets.US_ASCII));
            sha256.update(encodedRow);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical encoding of a stored row ({@link StoredRow#encode()}): the chain and the Merkle tree hash it. */
    static byte[] encode(ResultSet rs) throws SQLException {
        return row(rs).encode();
    }

    /** A row of the event table as stored, read from the columns of {@link #ROWS}. */
    static StoredRow row(ResultSet rs) throws SQLException {
        return new StoredRow(rs.getLong("global_index"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), rs.getString("type"), rs.getString("payload_type"),
                rs.getString("payload_revision"), rs.getBytes("payload"), rs.getBytes("meta_data"),
                rs.getString("time_stamp"));
    }

    private double unchainedOrNaN() {
        try {
            return head().map(h -> stored(h.position()) - chained()).orElse(0L);
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }
}
