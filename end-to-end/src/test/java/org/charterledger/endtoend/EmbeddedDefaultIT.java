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

    private static final String UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";
    private static final String IMPORT = "--ledger.import.reference-data=classpath:reference/near-2021.yaml";

    @TempDir
    Path data;

    @Test
    void theNearRecordIsServedFromTheEmbeddedDatabaseAndImportedOnce() {
        String dataDir = "--ledger.data-dir=" + data;
        try (ServiceProcess commands = ServiceProcess.start("commandService", Map.of(), dataDir, IMPORT);
             ServiceProcess queries = ServiceProcess.start("queryService", Map.of(), dataDir,
                     "--ledger.security.anonymous-reads=true")) {

            JsonNode register = awaitRegisterOf(queries, 82);

            assertThat(register.get("byCategory").get("MEMBER").asInt()).isEqualTo(78);
            assertThat(register.get("byCategory").get("ASSOCIATE").asInt()).isEqualTo(1);
            assertThat(register.get("byCategory").get("OBSERVER").asInt()).isEqualTo(3);
            assertThat(queries.http.get("/api/members/CN-LIAONING?asOf=2021-08-09", null).json().get("category").asText())
                    .isEqualTo("OBSERVER");
            Http.Answer withoutCredentials = commands.http.post("/api/members", null, "k", "{}");
            assertThat(withoutCredentials.status()).isEqualTo(401);

            // The 13th General Assembly, as the ledger's own record of 10 August 2021.
            Http.Answer m2 = await().atMost(Duration.ofSeconds(30))
                    .until(() -> queries.http.get("/api/motions/GA13-M2", null), answer -> answer.status() == 200);
            for (String motion : new String[]{"GA13-M1", "GA13-M2"}) {
                JsonNode decided = queries.http.get("/api/motions/" + motion, null).json();
                assertThat(decided.get("outcome").asText()).isEqualTo("PASSED");
                assertThat(decided.get("derivation").get("rollSize").asInt()).isEqualTo(78);
                assertThat(decided.get("derivation").get("present").asInt()).isEqualTo(76);
                assertThat(decided.get("ballots")).hasSize(76);
            }
            assertThat(m2.json().get("derivation").get("thresholdTest").asText()).isEqualTo("3·76 = 228 ≥ 2·76 = 152");
            JsonNode roll = queries.http.get("/api/motions/GA13-M2/roll", null).json();
            assertThat(roll.get("size").asInt()).isEqualTo(78);
            assertThat(roll.get("leftOff").findValuesAsText("party"))
                    .containsExactly("CN-LIAONING", "JP-MIYAGI", "RU-NOVOSIBIRSK", "VN-HO-CHI-MINH-CITY");
            assertThat(queries.http.get("/api/members/CN-LIAONING?asOf=2021-08-10", null).json()
                    .get("category").asText()).isEqualTo("MEMBER");
            assertThat(queries.http.get("/api/members?asOf=2021-08-10", null).json()
                    .get("byCategory").get("MEMBER").asInt()).isEqualTo(79);
            JsonNode chairs = queries.http.get("/api/offices/chair/history", null).json().get("chairs");
            assertThat(chairs.findValuesAsText("holder")).containsExactly("RU-SAKHA", "KR-ULSAN");
            assertThat(chairs.get(0).get("ordinal").asInt()).isEqualTo(13);
            assertThat(chairs.get(0).get("until").asText()).isEqualTo("2021-08-10");
            assertThat(chairs.get(0).get("hostedMeeting").asText()).isEqualTo("GA13");
            assertThat(chairs.get(1).get("ordinal").asInt()).isEqualTo(14);
            assertThat(chairs.get(1).get("from").asText()).isEqualTo("2021-08-10");
            assertThat(chairs.get(1).get("electedBy").asText()).isEqualTo("GA13-M1");
            assertThat(chairs.get(1).get("inOffice").asBoolean()).isTrue();
            JsonNode sakhaOnTheEve = queries.http.get("/api/offices/chair?asOf=2021-08-09", null).json().get("chair");
            assertThat(sakhaOnTheEve.get("holder").asText()).isEqualTo("RU-SAKHA");
            assertThat(sakhaOnTheEve.get("inOffice").asBoolean()).as("in office on the date asked").isTrue();
            assertThat(sakhaOnTheEve.get("until").asText()).isEqualTo("2021-08-10");
            assertThat(queries.http.get("/api/offices/chair?asOf=2023-10-25", null).json().get("chair")
                    .get("holder").asText()).isEqualTo("KR-ULSAN");
            assertThat(queries.http.get("/api/offices/chair?asOf=2020-12-31", null).status()).isEqualTo(404);
            assertThat(queries.http.get("/api/offices/secretary-general?asOf=2021-06-01", null).json()
                    .get("secretaryGeneral").get("name").asText()).isEqualTo("KIM Okchae");
            JsonNode subcommittees = queries.http.get("/api/subcommittees?asOf=2021-12-31", null).json();
            assertThat(subcommittees.get("total").asInt()).isEqualTo(17);
            JsonNode tourism = subcommittees.get("subcommittees").get(5);
            assertThat(tourism.get("name").asText()).isEqualTo("Tourism");
            assertThat(tourism.get("coordinators").toString()).isEqualTo("[\"CN-HENAN\",\"CN-NINGXIA\"]");
            assertThat(tourism.get("termEnd").asText()).isEqualTo("2023-01-01");
            JsonNode lapsed = queries.http.get("/api/subcommittees?asOf=2023-02-01", null).json()
                    .get("subcommittees").get(0);
            assertThat(lapsed.get("termEnded").asBoolean()).isTrue();
            assertThat(lapsed.get("replaceable").asBoolean()).isTrue();  // no activity recorded since 2021-01-01
            JsonNode environment = queries.http.get("/api/subcommittees/2/history", null).json();
            assertThat(environment.get("activities").get(0).get("lastDay").asText()).isEqualTo("2021-11-17");
            JsonNode ga13 = queries.http.get("/api/meetings/GA13", null).json();
            assertThat(ga13.get("attendance")).hasSize(73);
            assertThat(ga13.get("closedOn").asText()).isEqualTo("2021-08-10");

            // Every time the API writes is UTC, ISO-8601 with 'Z': the record's and a rebuild's alike.
            JsonNode firstEvent = queries.http.get("/api/audit/events?after=0&limit=1", null).json()
                    .get("events").get(0);
            assertThat(firstEvent.get("recordedAt").asText()).matches(UTC);
            Http.Answer started = queries.http.post("/api/audit/rebuilds", "auditor:auditor", null, "");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            assertThat(started.json().get("startedAt").asText()).matches(UTC);
            String location = started.header("Location").orElseThrow();
            JsonNode rebuild = await().atMost(Duration.ofSeconds(60))
                    .until(() -> queries.http.get(location, null).json(),
                            r -> r.get("status").asText().equals("COMPLETED"));
            assertThat(rebuild.get("startedAt").asText()).matches(UTC);
            assertThat(rebuild.get("finishedAt").asText()).matches(UTC);
        }

        try (ServiceProcess commandsAgain = ServiceProcess.start("commandService", Map.of(), dataDir, IMPORT);
             ServiceProcess queriesAgain = ServiceProcess.start("queryService", Map.of(), dataDir,
                     "--ledger.security.anonymous-reads=true")) {
            Http.Answer register = queriesAgain.http.get("/api/members?asOf=2021-01-01&atLeast=82", null);

            assertThat(register.json().get("total").asInt()).isEqualTo(82);
            assertThat(queriesAgain.http.get("/api/motions/GA13-M1", null).json().get("ballots")).hasSize(76);
        }
    }

    private static JsonNode awaitRegisterOf(ServiceProcess queries, int parties) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> queries.http.get("/api/members?asOf=2021-01-01", null),
                        answer -> answer.status() == 200 && answer.json().get("total").asInt() == parties)
                .json();
    }
}
