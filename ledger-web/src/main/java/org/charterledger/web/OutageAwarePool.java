package org.charterledger.web;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a busy pool from a database that is away. While the database is up, a request waits for a free connection
 * up to the pool's connection-timeout (15 s), so that a burst queues and is served. But it waits in slices of
 * {@value #SLICE_MS} ms, and a slice that ends without a connection because the pool, short of connections, could
 * not open one (Hikari gives its last failure as the cause) ends the wait: the database is away, and the request is
 * answered 503 (Problems) within about a second instead of holding a thread for the whole wait.
 */
@Component
public class OutageAwarePool implements BeanPostProcessor {

    static final long SLICE_MS = 1000;

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof HikariDataSource hikari ? new OutageAwareDataSource(hikari) : bean;
    }

    private static final class OutageAwareDataSource extends DelegatingDataSource {

        private final HikariDataSource pool;

        OutageAwareDataSource(HikariDataSource pool) {
            super(pool);
            this.pool = pool;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (!(pool.getHikariPoolMXBean() instanceof HikariPool started)) {
                return pool.getConnection(); // the pool starts on its first connection
            }
            long deadline = System.nanoTime() + pool.getConnectionTimeout() * 1_000_000;
            while (true) {
                try {
                    return started.getConnection(SLICE_MS);
                } catch (SQLTransientConnectionException timedOut) {
                    if (away(started, timedOut) || System.nanoTime() - deadline >= 0) {
                        throw timedOut; // away, or busy for the whole wait
                    }
                }
            }
        }

        /**
         * Away: the pool could not open a connection (Hikari gives its last failure as the cause) and is short of
         * connections. Hikari keeps its last failure after the pool has recovered, so a pool that holds all its
         * connections, every one of them busy, is busy whatever the cause says (a failure to open one more while
         * another client took the server's last slots, say).
         */
        private boolean away(HikariPool started, SQLTransientConnectionException timedOut) {
            return timedOut.getCause() != null && started.getTotalConnections() < pool.getMaximumPoolSize();
        }

        /** Spring Boot derives the migrations' data source from the pool's own settings, which it finds here. */
        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type == DataSource.class ? type.cast(pool) : super.unwrap(type);
        }
    }
}
