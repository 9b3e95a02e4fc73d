package org.charterledger.command.reference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The NEAR register imported on start, on PostgreSQL; importing it again appends nothing. */
@SpringBootTest(properties = "ledger.import.reference-data=classpath:reference/near-2021.yaml")
@ActiveProfiles({"postgres", "test"})
class ReferenceDataImportIT {

    @Autowired
    ReferenceDataImport referenceDataImport;
    @Autowired
    JdbcClient jdbc;

    @Test
    void importsEveryPartyOnceAndNothingWhenRunAgain() throws Exception {
        assertThat(importedEvents()).isEqualTo(82);

        referenceDataImport.importOnStart();

        assertThat(importedEvents()).isEqualTo(82);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger.command_request WHERE principal = ?")
                .param(ReferenceDataImport.PRINCIPAL).query(Long.class).single()).isEqualTo(82);
    }

    private long importedEvents() {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM ledger.domain_event_entry e
                        JOIN ledger.command_request r ON r.resource_id = e.aggregate_identifier
                        WHERE r.principal = ? AND e.payload_type = 'org.charterledger.events.MemberAdmitted'""")
                .param(ReferenceDataImport.PRINCIPAL).query(Long.class).single();
    }
}
