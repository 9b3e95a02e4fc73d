package org.charterledger.query.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The service's settings ({@code ledger.*}), checked at start. */
@ConfigurationProperties("ledger")
@Validated
public record LedgerSettings(@NotNull ZoneId timeZone, @Valid @NotNull Events events, @Valid @NotNull Query query,
                             @Valid @NotNull Feed feed, @Valid @NotNull Cors cors) {

    /**
     * {@code ledger.events.*}: how often the views poll for events when no notification came, and, without
     * transaction snapshots, how long a gap in the positions stays open before it is taken as empty.
     */
    public record Events(@NotNull Duration pollInterval, @NotNull Duration gapTimeout) {
    }

    /** {@code ledger.query.*}: how long {@code ?atLeast=N} waits for the views to reach N before answering 503. */
    public record Query(@NotNull Duration atLeastTimeout) {
    }

    /** {@code ledger.feed.*}: how often a follower of the change feed hears at least a heartbeat. */
    public record Feed(@NotNull Duration heartbeat) {
    }

    /** {@code ledger.cors.*}: the origins whose pages may call the API from a browser (scheme, host, port); none. */
    public record Cors(@NotNull List<String> allowedOrigins) {
    }
}
