package org.charterledger.command.submission;

import org.charterledger.web.EventTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Records with a command's request the position of its last event, and tells the query service that events were
 * appended, in the appending transaction: PostgreSQL delivers a
 * notification on the channel {@value #CHANNEL} only once that transaction commits, and never for one that rolls
 * back, so the views read the new events within milliseconds instead of at their next poll. On a database without
 * notifications (the embedded default) this does nothing and the query service polls.
 */
@Component
class LedgerNotifications {

    static final String CHANNEL = "ledger_events";

    private final JdbcClient jdbc;
    private final boolean postgres;

    LedgerNotifications(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }

    /**
     * Within the transaction that appended the command's events: records the newest position this transaction sees
     * with the request ({@code ledger.command_request}), announces it, and returns it. On PostgreSQL in one round trip.
     */
    long recordPosition(String principal, String key) {
        if (postgres) {
            return jdbc.sql("""
                            WITH newest AS (SELECT COALESCE(MAX(global_index), 0) AS position
                                            FROM ledger.domain_event_entry),
                                 recorded AS (UPDATE ledger.command_request SET position = (SELECT position FROM newest)
                                              WHERE principal = :principal AND idempotency_key = :key)
                            SELECT position, pg_notify('%s', position::text) FROM newest""".formatted(CHANNEL))
                    .param("principal", principal).param("key", key)
                    .query((rs, i) -> rs.getLong("position")).single();
        }
        long position = EventTable.newestPosition(jdbc);
        jdbc.sql("UPDATE ledger.command_request SET position = :position"
                        + " WHERE principal = :principal AND idempotency_key = :key")
                .param("position", position).param("principal", principal).param("key", key)
                .update();
        return position;
    }
}
