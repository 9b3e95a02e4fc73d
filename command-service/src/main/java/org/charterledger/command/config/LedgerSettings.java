package org.charterledger.command.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.ZoneId;

/**
 * The service's own settings ({@code ledger.*}), checked at start: {@code time-zone}, the Secretariat's, where a
 * business day begins and ends. A feature's settings are kept beside the feature.
 */
@ConfigurationProperties("ledger")
@Validated
public record LedgerSettings(@NotNull ZoneId timeZone) {
}
