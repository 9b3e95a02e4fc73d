package org.charterledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.charterledger.events.Choice;
import org.charterledger.events.MotionDecided;
import org.charterledger.events.MotionId;
import org.charterledger.events.VoteCast;
import org.charterledger.proof.MerkleTree;
import org.charterledger.proof.PublishedHead;
import org.charterledger.proof.StoredRow;
import org.charterledger.proof.TreeHash;
import org.charterledger.proof.TreeHead;
import org.charterledger.query.LedgerIT;
import org.charterledger.verifier.Verifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.charterledger.query.audit.SittingOfGa12.A;
import static org.charterledger.query.audit.SittingOfGa12.C;
import static org.charterledger.query.audit.SittingOfGa12.DAY;
import static org.charterledger.query.audit.SittingOfGa12.MOTION;

/**
 * Proofs on PostgreSQL, on a ledger of its own with a witness directory: signed heads, inclusion and consistency
 * proofs in the RFC's form checked against an independent computation of the tree from the stored rows, and a
 * motion's certificate checked by the offline verifier; then the record tampered with as a DBA would (a byte changed,
 * a row deleted, two rows swapped, a forged row appended, the whole history rewritten and the tree recomputed and
 * signed again), each caught and named by the verifier and the tree's verification.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProofsIT extends LedgerIT {

    private static final Path WITNESS = temporaryDirectory("witness");
    private static final Path AUDITOR = temporaryDirectory("auditor");
    /** A witness over HTTP: a server of its own that keeps every head POSTed to it. */
    private static final Queue<byte[]> WITNESSED_OVER_HTTP = new ConcurrentLinkedQueue<>();
    private static final HttpServer HTTP_WITNESS = httpWitness();

    @DynamicPropertySource
    static void ownLedger(DynamicPropertyRegistry properties) {
        String url = freshDatabase();
        properties.add("spring.datasource.url", () -> url);
        properties.add("ledger.proofs.witnesses.directory", WITNESS::toString);
        properties.add("ledger.proofs.witnesses.urls", () -> "http://localhost:" + HTTP_WITNESS.getAddress().getPort()
                + "/heads");
        properties.add("ledger.proofs.key-file", () -> AUDITOR.resolve("ledger-key.pk8").toString());
        properties.add("ledger.proofs.generate-key", () -> "true");
    }

    private long decided;
    private Dba dba;

    @BeforeEach
    void aMotionDecidedAtASitting() {
        dba = new Dba(jdbc, transactions);
        if (jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry").query(Long.class).single() > 0) {
            decided = jdbc.sql("SELECT global_index FROM ledger.domain_event_entry WHERE payload_type LIKE"
                    + " '%MotionDecided'").query(Long.class).single();
            return;
        }
        decided = SittingOfGa12.appendTo(this::append);
    }

    @Test
    @Order(1)
    void signedHeadsAndProofsInTheRfcFormAgreeWithAnIndependentComputation() throws Exception {
        PublishedHead head = awaitHeadOf(9);
        JsonNode key = body(get("/api/audit/public-key"));

        assertThat(key.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(head.head().signedBy(TreeHead.publicKey(Base64.getDecoder().decode(key.get("publicKey").asText()))))
                .isTrue();
        List<StoredRow> rows = rows();
        assertThat(head.rootHash()).isEqualTo(naiveRoot(rows.stream().map(StoredRow::leafHash).toList()));
        for (int leaf = 0; leaf < rows.size(); leaf++) {
            JsonNode proof = body(get("/api/audit/proofs/inclusion?position=" + rows.get(leaf).position()
                    + "&treeSize=9"));
            assertThat(proof.get("leafIndex").asLong()).isEqualTo(leaf);
            assertThat(proof.get("treeSize").asLong()).isEqualTo(9);
            assertThat(MerkleTree.verifyInclusion(leaf, 9, rows.get(leaf).leafHash(), hashes(proof.get("auditPath")),
                    head.rootHash())).as("leaf %d", leaf).isTrue();
        }
        // a later head, and the proof that it extends the first
        append(A.value(), new VoteCast(new MotionId("GA12-M2"), A, Choice.NO, DAY));
        long later = body(get("/api/audit/motions/GA12-M1/certificate?since=9")).get("evidence").get("head")
                .get("treeSize").asLong();
        later = later > 9 ? later : awaitHeadOf(10).treeSize();
        JsonNode consistency = body(get("/api/audit/proofs/consistency?first=9&second=" + later));
        byte[] laterRoot = json.treeToValue(body(get("/api/audit/tree-heads/" + later)), PublishedHead.class)
                .rootHash();
        assertThat(laterRoot).isEqualTo(naiveRoot(rows().stream().map(StoredRow::leafHash).toList()
                .subList(0, (int) later)));
        assertThat(MerkleTree.verifyConsistency(9, later, head.rootHash(), laterRoot,
                hashes(consistency.get("proof")))).isTrue();
        assertThat(Files.exists(WITNESS.resolve("9.json"))).isTrue();
        PublishedHead overHttp = json.readValue(await().atMost(Duration.ofSeconds(10)).until(
                () -> WITNESSED_OVER_HTTP.stream().filter(b -> new String(b).contains("\"treeSize\":9,")).findFirst()
                        .orElse(null), b -> b != null), PublishedHead.class);
        assertThat(overHttp.head().sameAs(head.head())).isTrue();
        assertThat(body(get("/api/audit/witnesses")).get("valid").asBoolean()).isTrue();
        assertThat(body(get("/api/audit/tree/verification?treeSize=9")).get("valid").asBoolean()).isTrue();

        assertProblem(get("/api/audit/proofs/inclusion?position=0"), 400, "malformed-request", "position");
        assertProblem(get("/api/audit/proofs/inclusion?position=1&treeSize=99999"), 404, "not-found", "treeSize");
        assertProblem(get("/api/audit/proofs/inclusion?position=99999"), 404, "not-found", "position");
        assertProblem(get("/api/audit/proofs/inclusion?position=" + rows().get((int) later - 1).position()
                + "&treeSize=9"), 400, "malformed-request", "position");
        assertProblem(get("/api/audit/proofs/consistency?first=9&second=3"), 400, "malformed-request", "second");
        assertProblem(get("/api/audit/proofs/consistency?first=0&second=9"), 400, "malformed-request", "first");
        assertProblem(get("/api/audit/tree-heads/12345"), 404, "not-found", "treeSize");
        assertProblem(get("/api/audit/motions/GA12-M1/certificate?since=99999"), 400, "malformed-request", "since");
        assertProblem(get("/api/audit/tree-heads?limit=0"), 400, "malformed-request", "limit");
    }

    @Test
    @Order(2)
    void aCertificateVerifiesOfflineAndEachTamperingIsNamedByPosition() throws Exception {
        Path filed = file("filed-head.json", body(get("/api/audit/tree-heads/9")));
        long voteA = decided - 2;
        long voteB = decided - 1;
        Run clean = verify(certificate(9), filed);
        assertThat(clean.status()).as(clean.report()).isEqualTo(Verifier.VERIFIED);
        assertThat(clean.report()).contains("VERIFIED", "is the one recorded", "extends the filed tree of 9");

        // a party's rights on a date, the same way; a certificate that states other rights than its events give fails
        JsonNode rights = body(get("/api/audit/rights/KR-BUSAN/certificate?asOf=2019-12-31&since=9"));
        Run rightsRun = verify(rights, filed);
        assertThat(rightsRun.status()).as(rightsRun.report()).isEqualTo(Verifier.VERIFIED);
        assertThat(rightsRun.report()).contains("derived again from 1 proven events of the party");
        ((ObjectNode) rights).put("mayVote", !rights.get("mayVote").asBoolean());
        Run overstated = verify(rights, filed);
        assertThat(overstated.status()).isEqualTo(Verifier.FAILED);
        assertThat(overstated.report()).contains("the certificate states may vote");
        assertProblem(get("/api/audit/rights/KR-NOWHERE/certificate?asOf=2019-12-31"), 404, "not-found", "memberId");
        assertProblem(get("/api/audit/rights/KR-BUSAN/certificate?asOf=someday"), 400, "malformed-request", "asOf");

        // one byte of a payload
        byte[] original = dba.payload(voteA);
        byte[] edited = original.clone();
        edited[edited.length - 3] ^= 1;
        dba.setPayload(voteA, edited);
        Run changed = verify(certificate(9), filed);
        assertThat(changed.status()).isEqualTo(Verifier.FAILED);
        assertThat(changed.report()).contains("FAIL  position " + voteA + ": the event (leaf ");
        assertTreeDifference(voteA, "changed");
        dba.setPayload(voteA, original);
        assertThat(verify(certificate(9), filed).status()).isEqualTo(Verifier.VERIFIED);

        // a row deleted: the ballot is gone from the certificate, and the decision no longer adds up
        var row = jdbc.sql("SELECT * FROM ledger.domain_event_entry WHERE global_index = ?").param(voteB)
                .query().singleRow();
        dba.delete(voteB);
        Run deleted = verify(certificate(9), filed);
        assertThat(deleted.status()).isEqualTo(Verifier.FAILED);
        assertThat(deleted.report()).contains("FAIL  position " + decided + ": the decision recorded (PASSED, P 3,"
                + " yes 2");
        assertTreeDifference(voteB, "removed");
        jdbc.sql("""
                        INSERT INTO ledger.domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.get("global_index"), row.get("event_identifier"), row.get("aggregate_identifier"),
                        row.get("sequence_number"), row.get("type"), row.get("time_stamp"), row.get("payload_type"),
                        row.get("payload_revision"), row.get("payload"), row.get("meta_data"))
                .update();
        assertThat(verify(certificate(9), filed).status()).isEqualTo(Verifier.VERIFIED);

        // two rows swapped
        byte[] a = dba.payload(voteA);
        byte[] b = dba.payload(voteB);
        dba.setPayload(voteA, b);
        dba.setPayload(voteB, a);
        Run swapped = verify(certificate(9), filed);
        assertThat(swapped.status()).isEqualTo(Verifier.FAILED);
        assertThat(swapped.report()).contains("FAIL  position " + voteA + ": the event", "FAIL  position " + voteB
                + ": the event");
        assertTreeDifference(voteA, "changed");
        dba.setPayload(voteA, a);
        dba.setPayload(voteB, b);
        assertThat(verify(certificate(9), filed).status()).isEqualTo(Verifier.VERIFIED);

        // a forged row appended: a ballot after the decision, entered into the tree as any new event is
        long forged = append(MOTION.value(), new VoteCast(MOTION, C, Choice.NO, DAY));
        JsonNode withForged = await().atMost(Duration.ofSeconds(20)).until(() -> certificate(9),
                c -> c.get("evidence").isObject() && c.get("evidence").get("events").findValuesAsText("position")
                        .contains(String.valueOf(forged)));
        Run appended = verify(withForged, filed);
        assertThat(appended.status()).isEqualTo(Verifier.FAILED);
        assertThat(appended.report()).contains("FAIL  position " + forged + ": a ballot of KR-JEJU recorded after"
                + " the decision");
    }

    @Test
    @Order(3)
    void aRewrittenHistoryWithTheTreeRecomputedIsCaughtAgainstTheWitnessedHead() throws Exception {
        Path witnessed = WITNESS.resolve("9.json");
        assertThat(witnessed).exists();
        long voteB = decided - 1;
        // the DBA turns B's ballot into a NO (the decision's row kept) and, so that the tree agrees with the rows,
        // drops the tree and its heads: the ledger rebuilds the tree from the rewritten rows and signs it anew
        byte[] rewritten = new String(dba.payload(voteB)).replace("\"YES\"", "\"NO\"").getBytes();
        dba.setPayload(voteB, rewritten);
        jdbc.sql("DELETE FROM projection.merkle_node").update();
        jdbc.sql("DELETE FROM projection.merkle_leaf").update();
        jdbc.sql("DELETE FROM projection.tree_head").update();
        long events = jdbc.sql("SELECT COUNT(*) FROM ledger.domain_event_entry").query(Long.class).single();
        awaitHeadOf(events); // the tree recomputed over every row, and signed anew

        // the ledger's own checks pass: rows, tree and heads agree with one another
        assertThat(body(get("/api/audit/tree/verification")).get("valid").asBoolean()).isTrue();
        // the witness does not
        JsonNode witnesses = body(get("/api/audit/witnesses"));
        assertThat(witnesses.get("valid").asBoolean()).isFalse();
        // (a head witnessed before B's ballot, if one was issued while the sitting was appended, still agrees with
        // the leaves; it is named too, as a head the ledger no longer holds)
        JsonNode ofNine = null;
        for (JsonNode check : witnesses.get("heads")) {
            ofNine = check.get("treeSize").asLong() == 9 ? check : ofNine;
        }
        assertThat(ofNine).as(witnesses.toString()).isNotNull();
        assertThat(ofNine.get("why").asText()).contains("no longer yield the witnessed root");

        // same key: the consistency proof from the witnessed head fails
        JsonNode certificate = certificate(9);
        Run sameKey = verify(certificate, witnessed);
        assertThat(sameKey.status()).isEqualTo(Verifier.FAILED);
        assertThat(sameKey.report()).contains("does not extend the filed one", "the history was rewritten");

        // a new key: the forger signs the rewritten tree's head with a key of his own
        KeyPair forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        PublishedHead genuine = json.treeToValue(certificate.get("evidence").get("head"), PublishedHead.class);
        TreeHead forged = TreeHead.sign(genuine.treeSize(), genuine.rootHash(), genuine.timestamp(),
                forger.getPrivate(), forger.getPublic());
        ((ObjectNode) certificate.get("evidence")).set("head",
                json.valueToTree(PublishedHead.of(forged, forger.getPublic())));
        Run newKey = verify(certificate, witnessed);
        assertThat(newKey.status()).isEqualTo(Verifier.FAILED);
        assertThat(newKey.report()).contains("the certificate's head is not signed by the trusted key");
    }

    private void assertTreeDifference(long position, String why) throws Exception {
        JsonNode verification = body(get("/api/audit/tree/verification?treeSize=9"));
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstDifference").get("position").asLong()).isEqualTo(position);
        assertThat(verification.get("firstDifference").get("why").asText()).contains(why);
    }

    private record Run(int status, String report) {
    }

    private Run verify(JsonNode certificate, Path filed) throws IOException {
        Path file = file("certificate.json", certificate);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Verifier.run(new PrintWriter(out), new PrintWriter(err), "--certificate", file.toString(),
                "--head", filed.toString(), "--witness-dir", WITNESS.toString());
        return new Run(status, out + err.toString());
    }

    private JsonNode certificate(long since) throws Exception {
        return body(get("/api/audit/motions/GA12-M1/certificate?since=" + since));
    }

    private PublishedHead awaitHeadOf(long atLeast) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            var answer = get("/api/audit/tree-heads/latest");
            return answer.getStatusCode().value() == 200 ? json.readValue(answer.getBody(), PublishedHead.class) : null;
        }, head -> head != null && head.treeSize() >= atLeast);
    }

    private List<StoredRow> rows() {
        return jdbc.sql(AuditChain.ROWS + " ORDER BY global_index").query((rs, i) -> AuditChain.row(rs)).list();
    }

    /** MTH straight from the definition, over the leaf hashes: no stored node, no code of the service. */
    private static byte[] naiveRoot(List<byte[]> leaves) throws Exception {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = 1;
        while (k * 2 < leaves.size()) {
            k *= 2;
        }
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 1);
        sha256.update(naiveRoot(leaves.subList(0, k)));
        sha256.update(naiveRoot(leaves.subList(k, leaves.size())));
        return sha256.digest();
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asText())));
        hashes.forEach(hash -> assertThat(hash).hasSize(TreeHash.LENGTH));
        return hashes;
    }

    private Path file(String name, JsonNode content) throws IOException {
        Path file = AUDITOR.resolve(name);
        Files.write(file, json.writeValueAsBytes(content));
        return file;
    }

    private static HttpServer httpWitness() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/heads", exchange -> {
                WITNESSED_OVER_HTTP.add(exchange.getRequestBody().readAllBytes());
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory("charter-ledger-" + prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
