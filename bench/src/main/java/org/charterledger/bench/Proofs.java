package org.charterledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.charterledger.events.EventJson;
import org.charterledger.proof.MerkleTree;
import org.charterledger.proof.PublishedHead;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The cost of proofs as the ledger grows ({@code --parts=proofs}): for each size, a ledger of its own seeded with that
 * many events and the query service started on it; the Merkle tree built from the first event (as far as the views
 * have settled), then inclusion proofs of random events and consistency proofs from random earlier heads asked over
 * HTTP one after the other and each verified here as an auditor would, the whole tree recomputed from the rows, and
 * the tree's storage beside the events'.
 */
final class Proofs {

    private static final int SAMPLES = 200;

    private final Bench.Options options;
    private final Pg db;
    private final Report report;
    private final ObjectMapper json = EventJson.mapper();

    Proofs(Bench.Options options, Pg db, Report report) {
        this.options = options;
        this.db = db;
        this.report = report;
    }

    void run(List<Growth.Size> sizes) {
        for (Growth.Size size : sizes) {
            measure(size);
        }
    }

    private void measure(Growth.Size size) {
        System.out.println("proofs: seeding " + size.label() + " events");
        Pg ledger = db.sibling("p" + size.label().replaceAll("[^a-z0-9]", ""));
        ledger.create();
        try {
            List<String> arguments = size.association().equals("near")
                    ? List.of("--ledger.import.reference-data=classpath:reference/near-2021.yaml") : List.of();
            Services.Service.start(options.setup(), ledger, "command-service", "proofs-seed",
                    options.setup().commandJar(), arguments).close();
            Seeder.Result seeded = new Seeder(ledger, size.association(), size.events(), 42).run();
            System.out.println("proofs: " + seeded.describe());
            long events = ledger.count("SELECT COUNT(*) FROM ledger.domain_event_entry");
            try (Services.Service queries = Services.Service.start(options.setup(), ledger, "query-service",
                    "proofs-" + size.label().replace(' ', '-'), options.setup().queryJar(), List.of())) {
                Http reader = new Http(queries.base(), "reader", options.users().reader());
                long started = System.nanoTime();
                PublishedHead head = null;
                while (System.nanoTime() - started < options.catchUpTimeout().toNanos() * 3) {
                    try {
                        Http.Answer answer = Http.send(reader.get("/api/audit/tree-heads/latest"));
                        if (answer.ok()) {
                            head = json.readValue(answer.body(), PublishedHead.class);
                            if (head.treeSize() >= events) {
                                break;
                            }
                        }
                    } catch (IOException notYet) {
                        // still starting
                    }
                    Bench.pause(500);
                }
                double buildSeconds = (System.nanoTime() - started) / 1e9;
                if (head == null || head.treeSize() < events) {
                    report.note("proofs at " + size.label() + ": the tree had not covered the ledger after "
                            + Math.round(buildSeconds) + " s");
                    return;
                }
                long n = head.treeSize();
                Random random = new Random(42);
                List<Long> positions = ledger.longs("SELECT position FROM projection.merkle_leaf WHERE leaf_index IN ("
                        + String.join(",", random.longs(SAMPLES, 0, n).mapToObj(Long::toString).toList()) + ")");
                Histogram inclusionHttp = new Histogram(3);
                Histogram inclusionVerify = new Histogram(3);
                int pathLength = 0;
                for (int i = 0; i < positions.size() + 20; i++) {
                    long position = positions.get(i % positions.size());
                    long sent = System.nanoTime();
                    JsonNode proof = json.readTree(Http.must(reader.get("/api/audit/proofs/inclusion?position="
                            + position + "&treeSize=" + n)).body());
                    long received = System.nanoTime();
                    List<byte[]> path = hashes(proof.get("auditPath"));
                    boolean ok = MerkleTree.verifyInclusion(proof.get("leafIndex").asLong(), n,
                            Base64.getDecoder().decode(proof.get("leafHash").asText()), path, head.rootHash());
                    long verified = System.nanoTime();
                    if (!ok) {
                        throw new IllegalStateException("an inclusion proof did not verify: position " + position);
                    }
                    if (i >= 20) {
                        inclusionHttp.recordValue(Math.max(1, (received - sent) / 1000));
                        inclusionVerify.recordValue(Math.max(1, (verified - received) / 1000));
                        pathLength = Math.max(pathLength, path.size());
                    }
                }
                List<Long> earlier = ledger.longs("SELECT tree_size FROM projection.tree_head WHERE tree_size < " + n);
                Histogram consistencyHttp = new Histogram(3);
                Histogram consistencyVerify = new Histogram(3);
                for (int i = 0; i < Math.min(SAMPLES, earlier.size() * 4) + 20 && !earlier.isEmpty(); i++) {
                    long first = earlier.get(random.nextInt(earlier.size()));
                    long sent = System.nanoTime();
                    JsonNode proof = json.readTree(Http.must(reader.get("/api/audit/proofs/consistency?first=" + first
                            + "&second=" + n)).body());
                    long received = System.nanoTime();
                    boolean ok = MerkleTree.verifyConsistency(first, n,
                            Base64.getDecoder().decode(proof.get("firstRoot").asText()), head.rootHash(),
                            hashes(proof.get("proof")));
                    long verified = System.nanoTime();
                    if (!ok) {
                        throw new IllegalStateException("a consistency proof did not verify: " + first + " to " + n);
                    }
                    if (i >= 20) {
                        consistencyHttp.recordValue(Math.max(1, (received - sent) / 1000));
                        consistencyVerify.recordValue(Math.max(1, (verified - received) / 1000));
                    }
                }
                long recomputeStarted = System.nanoTime();
                JsonNode recomputed = json.readTree(Http.must(reader.get("/api/audit/tree/verification?treeSize="
                        + n)).body());
                double recomputeSeconds = (System.nanoTime() - recomputeStarted) / 1e9;
                long leaves = ledger.count("SELECT pg_total_relation_size('projection.merkle_leaf')");
                long nodes = ledger.count("SELECT pg_total_relation_size('projection.merkle_node')");
                long heads = ledger.count("SELECT pg_total_relation_size('projection.tree_head')");
                long headCount = ledger.count("SELECT COUNT(*) FROM projection.tree_head");
                long eventBytes = ledger.count("SELECT pg_total_relation_size('ledger.domain_event_entry')");
                long tree = leaves + nodes + heads;

                Map<String, Object> data = new LinkedHashMap<>();
                data.put("events", n);
                data.put("treeBuiltSeconds", buildSeconds);
                data.put("inclusionP50Ms", Load.millis(inclusionHttp.getValueAtPercentile(50)));
                data.put("inclusionP99Ms", Load.millis(inclusionHttp.getValueAtPercentile(99)));
                data.put("inclusionVerifyP50Us", inclusionVerify.getValueAtPercentile(50));
                data.put("auditPathHashes", pathLength);
                data.put("consistencyP50Ms", Load.millis(consistencyHttp.getValueAtPercentile(50)));
                data.put("consistencyP99Ms", Load.millis(consistencyHttp.getValueAtPercentile(99)));
                data.put("consistencyVerifyP50Us", consistencyVerify.getValueAtPercentile(50));
                data.put("recomputeSeconds", recomputeSeconds);
                data.put("recomputeValid", recomputed.get("valid").asBoolean());
                data.put("treeBytes", tree);
                data.put("leafBytes", leaves);
                data.put("nodeBytes", nodes);
                data.put("headBytes", heads);
                data.put("heads", headCount);
                data.put("eventBytes", eventBytes);
                data.put("treeBytesPerEvent", (double) tree / n);
                String label = String.format("%,d events", n);
                report.add("proofs", "inclusion proof, " + label, String.format(
                        "p50 %s, p99 %s over HTTP (%d hashes); verified in %d µs (p50)",
                        Report.ms(Load.millis(inclusionHttp.getValueAtPercentile(50))),
                        Report.ms(Load.millis(inclusionHttp.getValueAtPercentile(99))), pathLength,
                        inclusionVerify.getValueAtPercentile(50)), null, null, null, null, data);
                report.add("proofs", "consistency proof, " + label, String.format(
                        "p50 %s, p99 %s over HTTP from %d earlier heads; verified in %d µs (p50)",
                        Report.ms(Load.millis(consistencyHttp.getValueAtPercentile(50))),
                        Report.ms(Load.millis(consistencyHttp.getValueAtPercentile(99))), earlier.size(),
                        consistencyVerify.getValueAtPercentile(50)), null, null, null, null, null);
                report.add("proofs", "the tree's storage, " + label, String.format(
                        "%s (%.0f bytes an event: leaves %s, nodes %s, %d heads %s) beside the events' %s",
                        mib(tree), (double) tree / n, mib(leaves), mib(nodes), headCount, mib(heads), mib(eventBytes)),
                        null, null, null, null, null);
                report.add("proofs", "tree built and recomputed, " + label, String.format(
                        "covered the ledger %s after the service started (views settling included); recomputed from"
                                + " the rows in %s: %s", Report.ms(buildSeconds * 1000),
                        Report.ms(recomputeSeconds * 1000), recomputed.get("valid").asBoolean() ? "valid" : "INVALID"),
                        null, null, null, null, null);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            ledger.drop();
        }
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asText())));
        return hashes;
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / 1048576.0);
    }
}
