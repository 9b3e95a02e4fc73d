package org.charterledger.query.config;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the views' event streams when a command commits. On PostgreSQL the command service notifies the channel
 * {@value #CHANNEL} in every transaction that appends events (a notification is delivered only once its
 * transaction has committed); this listener holds one connection that LISTENs on it. Between notifications, and on
 * a database without them, it polls at the streams' fallback interval. A lost connection is reopened; meanwhile the
 * poll carries on.
 */
@Component
class CommitListener implements SmartLifecycle {

    /** The channel the command service notifies; also named in the command service's {@code LedgerNotifications}. */
    static final String CHANNEL = "ledger_events";
    private static final Logger log = LoggerFactory.getLogger(CommitListener.class);

    private final DataSource dataSource;
    private final LedgerEvents events;
    private volatile Thread thread;

    CommitListener(DataSource dataSource, LedgerEvents events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    @Override
    public void start() {
        Thread listener = new Thread(this::run, "ledger-commit-listener");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        Thread listener = thread;
        thread = null;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        long pollMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(events.pollNanos()));
        while (thread == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.isWrapperFor(PGConnection.class)) {
                    pollOnly(pollMillis);
                    return;
                }
                listen(connection, pollMillis);
            } catch (SQLException | RuntimeException e) {
                log.warn("Not listening for commits ({}); polling every {} ms until the database is back",
                        e.getMessage(), pollMillis);
                if (!pause(pollMillis * 5)) {
                    return;
                }
            }
        }
    }

    private void listen(Connection connection, long pollMillis) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        events.wake(); // anything committed before the LISTEN
        while (thread == Thread.currentThread()) {
            var notifications = postgres.getNotifications((int) pollMillis);
            if (notifications != null && notifications.length > 0) {
                events.wake();
            } else {
                events.poll();
            }
        }
    }

    private void pollOnly(long pollMillis) {
        while (thread == Thread.currentThread() && pause(pollMillis)) {
            events.poll();
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
