package org.charterledger.command.reference;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code ledger.import.reference-data}: a register to import as an opening balance on start; none when empty. */
@ConfigurationProperties("ledger.import")
record ImportSettings(@DefaultValue("") String referenceData) {
}
