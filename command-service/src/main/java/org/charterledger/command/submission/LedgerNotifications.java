package org.charterledger.command.submission;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Tells the query service that events were appended, in the appending transaction: PostgreSQL delivers a
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

    /** Within the transaction that appended events up to {@code position}. */
    void appended(long position) {
        if (postgres) {
            jdbc.sql("SELECT pg_notify('" + CHANNEL + "', ?)").param(Long.toString(position)).query().singleRow();
        }
    }
}
