package org.charterledger.command.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.charterledger.command.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NEAR reference data imported on start, on PostgreSQL: the register, then the 13th General Assembly with its
 * two written-ballot motions; importing it again appends nothing.
 */
@SpringBootTest(properties = "ledger.import.reference-data=classpath:reference/near-2021.yaml")
@ActiveProfiles({"postgres", "test"})
class ReferenceDataImportIT {

    /** A clean ledger: the roll of GA13 must be NEAR's members alone. */
    @DynamicPropertySource
    static void cleanDatabase(DynamicPropertyRegistry properties) {
        FreshDatabase.use(properties);
    }

    @Autowired
    ReferenceDataImport referenceDataImport;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void importsTheRegisterAndTheThirteenthGeneralAssemblyOnce() throws Exception {
        long events = importedEvents();
        assertThat(count("org.charterledger.events.VoteCast")).isEqualTo(152);

        referenceDataImport.importOnStart();

        assertThat(importedEvents()).isEqualTo(events);
        assertThat(count("org.charterledger.events.MotionDecided")).isEqualTo(2);
        for (String motion : new String[]{"GA13-M1", "GA13-M2"}) {
            JsonNode decided = json.readTree(jdbc.sql("""
                            SELECT payload FROM ledger.domain_event_entry
                            WHERE aggregate_identifier = ? AND payload_type = 'org.charterledger.events.MotionDecided'""")
                    .param(motion).query(byte[].class).single());
            assertThat(decided.get("outcome").asText()).isEqualTo("PASSED");
            assertThat(decided.get("tally").get("rollSize").asInt()).isEqualTo(78);
            assertThat(decided.get("tally").get("present").asInt()).isEqualTo(76);
            assertThat(decided.get("tally").get("yes").asInt()).isEqualTo(76);
        }
        JsonNode liaoning = json.readTree(jdbc.sql("""
                        SELECT payload FROM ledger.domain_event_entry
                        WHERE aggregate_identifier = 'CN-LIAONING' ORDER BY sequence_number DESC LIMIT 1""")
                .query(byte[].class).single());
        assertThat(liaoning.get("category").asText()).isEqualTo("MEMBER");
        assertThat(liaoning.get("decidedBy").asText()).isEqualTo("GA13-M2");
        assertThat(count("org.charterledger.events.NextHostElected")).isEqualTo(1);
    }

    private long importedEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry").query(Long.class).single();
    }

    private long count(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry WHERE payload_type = ?")
                .param(type).query(Long.class).single();
    }
}
