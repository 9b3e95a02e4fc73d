package org.charterledger.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A busy pool keeps a request waiting for the whole connection-timeout, slice after slice, so that a burst is served;
 * a database that is away ends the wait after one slice, so that the request is answered 503 at once.
 */
class OutageAwarePoolTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void aBusyPoolKeepsTheRequestWaitingPastASliceUntilAConnectionIsFree() throws Exception {
        try (HikariDataSource hikari = pool("jdbc:h2:mem:busy;DB_CLOSE_DELAY=-1", 1)) {
            DataSource pool = outageAware(hikari);
            Connection held = pool.getConnection();

            CompletableFuture<Connection> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return pool.getConnection();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await("a request waiting for the pool's only connection, beyond one slice")
                    .during(Duration.ofMillis(OutageAwarePool.SLICE_MS * 3 / 2))
                    .atMost(Duration.ofMillis(OutageAwarePool.SLICE_MS * 3))
                    .until(() -> !waiting.isDone());

            held.close();
            try (Connection served = waiting.get()) {
                assertThat(served.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void aDatabaseThatIsAwayEndsTheWaitAfterOneSlice() {
        try (HikariDataSource hikari = pool("jdbc:h2:tcp://127.0.0.1:1/away", 4)) {
            DataSource pool = outageAware(hikari);
            assertTimeoutPreemptively(TIMEOUT.dividedBy(2), () ->
                    assertThatThrownBy(pool::getConnection)
                            .isInstanceOf(SQLTransientConnectionException.class)
                            .cause().isNotNull());
        }
    }

    private static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(TIMEOUT.toMillis());
        config.setInitializationFailTimeout(-1); // the pool starts at once, with or without its database
        return new HikariDataSource(config);
    }

    private static DataSource outageAware(HikariDataSource hikari) {
        return (DataSource) new OutageAwarePool().postProcessAfterInitialization(hikari, "dataSource");
    }
}
