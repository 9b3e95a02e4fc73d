package org.charterledger.query.audit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.charterledger.query.LedgerIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild resets every view or none: when another instance holds a segment of a view at the moment of the reset,
 * the rebuild is refused (409, rule {@code reset-needs-every-segment}) and the views that were reset before it in the
 * same transaction are rolled back with it.
 */
class RebuildClaimIT extends LedgerIT {

    private static final String ELSEWHERE = "another-query-service@elsewhere";

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void aSegmentClaimedByAnotherInstanceRefusesTheRebuildAndResetsNothing() throws Exception {
        String register = get("/api/members?asOf=2021-08-10").getBody();
        List<String> tokens = tokens();
        // the processor reset last, so that the views reset before it must be rolled back
        String last = processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .reduce((first, second) -> second).orElseThrow().getKey();
        claimElsewhere(last, ELSEWHERE, Instant.now().toString());
        try {
            ResponseEntity<String> refused = http.withBasicAuth("auditor", "test-auditor")
                    .postForEntity("/api/audit/rebuilds", null, String.class);

            assertThat(assertProblem(refused, 409, "rebuild-segment-claimed", null).get("rule").asText())
                    .isEqualTo("reset-needs-every-segment");
        } finally {
            claimElsewhere(last, null, null);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM projection.rebuild WHERE finished_at IS NULL")
                .query(Long.class).single()).isZero();
        assertThat(tokens()).as("every view's tokens, none reset to replay").isEqualTo(tokens);
        assertThat(get("/api/members?asOf=2021-08-10").getBody()).isEqualTo(register);
    }

    /** Each segment's token as stored (a reset would have made each a replay token). */
    private List<String> tokens() {
        return jdbc.sql("SELECT processor_name || '/' || segment || ': ' || token_type || ' ' || encode(token, 'hex')"
                + " FROM projection.token_entry ORDER BY processor_name, segment").query(String.class).list();
    }

    private void claimElsewhere(String processor, String owner, String at) {
        assertThat(jdbc.sql("UPDATE projection.token_entry SET owner = ?, time_stamp = coalesce(?, time_stamp)"
                        + " WHERE processor_name = ? AND segment = 0")
                .params(owner, at, processor).update()).isEqualTo(1);
    }
}
