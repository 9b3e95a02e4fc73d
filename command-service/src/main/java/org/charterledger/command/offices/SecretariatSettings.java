package org.charterledger.command.offices;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code ledger.secretariat-host}: the government hosting the Secretariat, which proposes the Secretary-General (Art. 13). */
@ConfigurationProperties("ledger")
@Validated
record SecretariatSettings(@NotBlank String secretariatHost) {
}
