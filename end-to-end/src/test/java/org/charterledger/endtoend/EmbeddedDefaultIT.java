package org.charterledger.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The newcomer's path: both services with no configuration but a data directory, on the embedded H2 database
 * they share, with NEAR's register imported; a second start imports nothing again.
 */
class EmbeddedDefaultIT {

    private static final String IMPORT = "--ledger.import.reference-data=classpath:reference/near-2021.yaml";

    @TempDir
    Path data;

    @Test
    void theNearRegisterIsServedFromTheEmbeddedDatabaseAndImportedOnce() {
        String dataDir = "--ledger.data-dir=" + data;
        try (ServiceProcess commands = ServiceProcess.start("commandService", Map.of(), dataDir, IMPORT);
             ServiceProcess queries = ServiceProcess.start("queryService", Map.of(), dataDir,
                     "--ledger.security.anonymous-reads=true")) {

            JsonNode register = awaitRegisterOf(queries, 82);

            assertThat(register.get("byCategory").get("MEMBER").asInt()).isEqualTo(78);
            assertThat(register.get("byCategory").get("ASSOCIATE").asInt()).isEqualTo(1);
            assertThat(register.get("byCategory").get("OBSERVER").asInt()).isEqualTo(3);
            assertThat(queries.http.get("/api/members/CN-LIAONING", null).json().get("category").asText())
                    .isEqualTo("OBSERVER");
            Http.Answer withoutCredentials = commands.http.post("/api/members", null, "k", "{}");
            assertThat(withoutCredentials.status()).isEqualTo(401);
        }

        try (ServiceProcess commandsAgain = ServiceProcess.start("commandService", Map.of(), dataDir, IMPORT);
             ServiceProcess queriesAgain = ServiceProcess.start("queryService", Map.of(), dataDir,
                     "--ledger.security.anonymous-reads=true")) {
            Http.Answer register = queriesAgain.http.get("/api/members?asOf=2021-01-01&atLeast=82", null);

            assertThat(register.json().get("total").asInt()).isEqualTo(82);
            assertThat(register.header("Ledger-Position")).contains("82");
        }
    }

    private static JsonNode awaitRegisterOf(ServiceProcess queries, int parties) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> queries.http.get("/api/members?asOf=2021-01-01", null),
                        answer -> answer.status() == 200 && answer.json().get("total").asInt() == parties)
                .json();
    }
}
