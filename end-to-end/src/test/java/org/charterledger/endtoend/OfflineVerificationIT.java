package org.charterledger.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auditor's path, as an auditor walks it: on the embedded default with NEAR's record imported, a signed head
 * filed and a motion's certificate fetched; the ledger's services then stopped, and {@code java -jar verifier.jar}
 * run on the two files alone. It verifies; the same certificate with one ballot altered does not, and says where.
 */
class OfflineVerificationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    @TempDir
    Path auditor;

    @Test
    void anAuditorVerifiesAMotionsCertificateWithoutTheLedger() throws Exception {
        Path witness = data.resolve("witness");
        Path head = auditor.resolve("filed-head.json");
        Path certificate = auditor.resolve("GA13-M2.json");
        String dataDir = "--ledger.data-dir=" + data;
        try (ServiceProcess commands = ServiceProcess.start("commandService", Map.of(), dataDir,
                "--ledger.import.reference-data=classpath:reference/near-2021.yaml");
             ServiceProcess queries = ServiceProcess.start("queryService", Map.of(), dataDir,
                     "--ledger.security.anonymous-reads=true", "--ledger.proofs.witnesses.directory=" + witness)) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> queries.http.get("/api/motions/GA13-M2", null).status() == 200);
            JsonNode filed = await().atMost(Duration.ofSeconds(60))
                    .until(() -> queries.http.get("/api/audit/tree-heads/latest", null),
                            answer -> answer.status() == 200).json();
            Files.writeString(head, filed.toString());
            JsonNode proven = await().atMost(Duration.ofSeconds(60))
                    .until(() -> queries.http.get("/api/audit/motions/GA13-M2/certificate?since="
                            + filed.get("treeSize").asLong(), null).json(), c -> c.get("evidence").isObject());
            Files.writeString(certificate, proven.toString());
            assertThat(commands.pid()).isPositive();
        }

        Verification genuine = verify(certificate, head, witness);
        System.out.println(genuine.output());
        assertThat(genuine.status()).as(genuine.output()).isZero();
        assertThat(genuine.output()).contains("VERIFIED", "is the one recorded",
                "holds every event of motion GA13-M2 up to its last (0 to 77): no ballot is left out");

        // one ballot turned from YES to NO in the certificate: its inclusion proof no longer holds
        ObjectNode altered = (ObjectNode) JSON.readTree(certificate.toFile());
        JsonNode ballot = null;
        for (JsonNode event : altered.get("evidence").get("events")) {
            String payload = new String(Base64.getDecoder().decode(event.get("row").get("payload").asText()),
                    StandardCharsets.UTF_8);
            if (event.get("row").get("payloadType").asText().endsWith("VoteCast") && payload.contains("\"YES\"")) {
                ((ObjectNode) event.get("row")).put("payload", Base64.getEncoder().encodeToString(
                        payload.replace("\"YES\"", "\"NO\"").getBytes(StandardCharsets.UTF_8)));
                ballot = event;
                break;
            }
        }
        assertThat(ballot).isNotNull();
        Path tampered = auditor.resolve("GA13-M2-altered.json");
        Files.writeString(tampered, altered.toString());
        Verification caught = verify(tampered, head, witness);
        System.out.println(caught.output());
        assertThat(caught.status()).isEqualTo(1);
        assertThat(caught.output()).contains("FAIL  position " + ballot.get("row").get("position").asLong()
                + ": the event (leaf " + ballot.get("leafIndex").asLong() + ", VoteCast) is not the one");
    }

    private record Verification(int status, String output) {
    }

    private static Verification verify(Path certificate, Path head, Path witness) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("verifierJar"), "--certificate", certificate.toString(), "--head", head.toString(),
                "--witness-dir", witness.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Verification(process.exitValue(), output);
    }
}
