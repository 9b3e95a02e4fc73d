package org.charterledger.query.config;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells which gaps in the ledger's positions are for ever empty. A command that collides with a concurrent append
 * rolls back, and the position its event had taken stays empty; the views' tokens keep it as a gap, since until
 * that transaction ends nobody can say whether it will commit. A gap that no open transaction can still fill is
 * dead, and the settled position passes it at once, busy or quiet.
 * <p>
 * On PostgreSQL that is decided exactly: when a gap is first seen, the set of transactions then in progress is
 * taken ({@code pg_current_snapshot()}); the transaction that took the gap's position is among them if it is still
 * open (a command writes its idempotency key before it appends, so it has a transaction id by then). Once none of
 * them is in progress, a gap still empty is dead. A database without that (the embedded default) declares a gap
 * dead once it has stayed empty for {@code ledger.events.gap-timeout}, far beyond any command's transaction.
 */
@Component
public class Gaps {

    private static final Object NOT_YET_TAKEN = new Object();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration timeout;
    private final boolean postgres;
    private final Set<Long> dead = ConcurrentHashMap.newKeySet();
    /** Gaps seen and not yet judged, with what was in progress when they were seen (or when, without snapshots). */
    private final Map<Long, Object> pending = new ConcurrentHashMap<>();

    Gaps(JdbcClient jdbc, DataSource dataSource, Clock clock, LedgerSettings settings) throws SQLException {
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeout = settings.events().gapTimeout();
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }

    /** Whether no transaction can still fill the position {@code gap}. */
    public boolean dead(long gap) {
        return dead.contains(gap);
    }

    /** Gaps some view's token lists: judged from now on. */
    void seen(Collection<Long> gaps) {
        for (Long gap : gaps) {
            if (!dead.contains(gap)) {
                pending.putIfAbsent(gap, NOT_YET_TAKEN);
            }
        }
    }

    @Scheduled(fixedDelayString = "${ledger.events.gap-check-interval:100}")
    void judge() {
        if (pending.isEmpty()) {
            return;
        }
        Object observation = postgres
                ? jdbc.sql("SELECT pg_current_snapshot()::text").query(String.class).single()
                : clock.instant();
        pending.replaceAll((gap, seen) -> seen == NOT_YET_TAKEN ? observation : seen);
        Map<Object, List<Long>> byObservation = new HashMap<>();
        pending.forEach((gap, seen) -> byObservation.computeIfAbsent(seen, s -> new ArrayList<>()).add(gap));
        byObservation.forEach((seen, gaps) -> {
            if (seen != NOT_YET_TAKEN && settled(seen)) {
                Set<Long> filled = Set.copyOf(jdbc.sql("SELECT global_index FROM ledger.domain_event_entry"
                                + " WHERE global_index IN (:gaps)")
                        .param("gaps", gaps).query(Long.class).list());
                gaps.forEach(gap -> {
                    if (!filled.contains(gap)) {
                        dead.add(gap);
                    }
                    pending.remove(gap);
                });
            }
        });
    }

    /** Whether every transaction in progress at the observation has ended (or the gap has waited long enough). */
    private boolean settled(Object observation) {
        if (observation instanceof Instant seenAt) {
            return clock.instant().isAfter(seenAt.plus(timeout));
        }
        return Boolean.TRUE.equals(jdbc.sql("""
                        SELECT COALESCE(bool_and(pg_xact_status(x) IS DISTINCT FROM 'in progress'), TRUE)
                        FROM pg_snapshot_xip(CAST(:snapshot AS pg_snapshot)) AS x""")
                .param("snapshot", observation).query(Boolean.class).single());
    }
}
