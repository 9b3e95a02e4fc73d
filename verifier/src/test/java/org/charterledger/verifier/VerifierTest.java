package org.charterledger.verifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.charterledger.charter.DecisionRule;
import org.charterledger.events.Choice;
import org.charterledger.events.Effect;
import org.charterledger.events.EventJson;
import org.charterledger.events.MemberExpelled;
import org.charterledger.events.MeetingId;
import org.charterledger.events.Body;
import org.charterledger.events.MemberId;
import org.charterledger.events.MotionDecided;
import org.charterledger.events.MotionId;
import org.charterledger.events.MotionKind;
import org.charterledger.events.MotionOpened;
import org.charterledger.events.Procedure;
import org.charterledger.events.RollEntry;
import org.charterledger.events.Tally;
import org.charterledger.events.VoteCast;
import org.charterledger.proof.Evidence;
import org.charterledger.proof.MerkleTree;
import org.charterledger.proof.PublishedHead;
import org.charterledger.proof.StoredRow;
import org.charterledger.proof.TreeHash;
import org.charterledger.proof.TreeHead;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier on a certificate made here as the ledger makes one, over a written ballot of two members: the rows
 * as stored, a tree over them, a signed head and the proofs. Tampered copies fail, naming the position and why.
 */
class VerifierTest {

    private static final LocalDate DAY = LocalDate.of(2021, 3, 4);
    private static final MotionId MOTION = new MotionId("EC2021-M1");
    private static final MemberId A = new MemberId("KR-BUSAN");
    private static final MemberId B = new MemberId("KR-DAEGU");

    @TempDir
    Path directory;

    private final ObjectMapper json = EventJson.mapper();
    private KeyPair key;
    private List<StoredRow> rows;
    private Tally tally;

    @BeforeEach
    void aLedgerOfAWrittenBallot() throws Exception {
        ledger(null, false);
    }

    /** The ballot's rows; with {@code effect}, the motion carries it, and {@code carriedOut} appends its event. */
    private void ledger(Effect effect, boolean carriedOut) throws Exception {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        tally = DecisionRule.CATEGORY_A.tally(2, 2, 2, 0, 0);
        rows = new ArrayList<>();
        row("ANOTHER", new VoteCast(new MotionId("EC2021-M0"), A, Choice.NO, DAY));
        row(MOTION.value(), new MotionOpened(MOTION, new MeetingId("EC2021"), Body.GA, MotionKind.ARTICLE_8, 1,
                "CATEGORY_A", "Adopt the budget", Procedure.WRITTEN_BALLOT, effect, DAY,
                List.of(new RollEntry(A, List.of()), new RollEntry(B, List.of())), List.of()));
        row(MOTION.value(), new VoteCast(MOTION, A, Choice.YES, DAY));
        row(MOTION.value(), new VoteCast(MOTION, B, Choice.YES, DAY));
        row(MOTION.value(), new MotionDecided(MOTION, tally.outcome(), List.of(A, B), tally, DAY));
        if (carriedOut) {
            row("JP-MIYAGI", new MemberExpelled(new MemberId("JP-MIYAGI"), DAY, MOTION));
        }
    }

    @Test
    void aPassedMotionsEffectIsProvenOrItsAbsenceNamed() throws Exception {
        ledger(new Effect.Expel(new MemberId("JP-MIYAGI")), true);
        Run carriedOut = verify(certificate(rows, 2), head(2));
        assertThat(carriedOut.status()).as(carriedOut.out()).isEqualTo(Verifier.VERIFIED);
        assertThat(carriedOut.out())
                .contains("position 15: MemberExpelled cites the decision and carries it out (Expel)");

        ledger(new Effect.Expel(new MemberId("JP-MIYAGI")), false);
        Run missing = verify(certificate(rows, 2), head(2));
        assertThat(missing.status()).isEqualTo(Verifier.FAILED);
        assertThat(missing.out()).contains("the motion passed with an effect (Expel) and the certificate proves no"
                + " event carrying it out");
    }

    @Test
    void aGenuineCertificateVerifies() throws Exception {
        Run run = verify(certificate(rows, 2), head(2));

        assertThat(run.status()).as(run.out()).isEqualTo(Verifier.VERIFIED);
        assertThat(run.out()).contains("VERIFIED", "extends the filed tree of 2", "VoteCast is leaf 2",
                "is the one recorded");
    }

    @Test
    void aChangedEventIsNamedByItsPosition() throws Exception {
        ObjectNode certificate = certificate(rows, 2);
        List<StoredRow> changed = new ArrayList<>(rows);
        StoredRow b = rows.get(3);
        changed.set(3, new StoredRow(b.position(), b.aggregate(), b.sequence(), b.aggregateType(), b.payloadType(),
                b.payloadRevision(), new String(b.payload()).replace("YES", "NO").getBytes(), b.metadata(),
                b.timestamp()));
        ((ObjectNode) certificate.get("evidence")).set("events", json.valueToTree(events(changed, 5)));

        Run run = verify(certificate, head(2));

        assertThat(run.status()).isEqualTo(Verifier.FAILED);
        assertThat(run.out()).contains("FAIL  position 13: the event (leaf 3, VoteCast) is not the one the signed head"
                + " holds", "NOT VERIFIED");
    }

    @Test
    void aBallotLeftOutOfTheCertificateIsNamed() throws Exception {
        ObjectNode certificate = certificate(rows, 2);
        List<Evidence.EventProof> proofs = new ArrayList<>(events(rows, 5));
        proofs.remove(2); // B's ballot: the count it leaves is one YES of two on the roll, P 1
        ((ObjectNode) certificate.get("evidence")).set("events", json.valueToTree(proofs));

        Run run = verify(certificate, head(2));

        assertThat(run.status()).isEqualTo(Verifier.FAILED);
        assertThat(run.out()).contains("FAIL  position 14: the certificate holds no proven event 2 of motion EC2021-M1"
                + " (the next it proves is event 3): a ballot may be missing from the count", "NOT VERIFIED");
    }

    @Test
    void aHeadOfAnotherHistoryOrAnotherKeyIsRefused() throws Exception {
        List<StoredRow> rewritten = new ArrayList<>(rows);
        rewritten.set(0, rows.get(1));
        Path filed = head(2);
        rows = rewritten;
        Run otherHistory = verify(certificate(rewritten, 2), filed);
        assertThat(otherHistory.status()).isEqualTo(Verifier.FAILED);
        assertThat(otherHistory.out()).contains("does not extend the filed one");

        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path filedByGenuine = directory.resolve("genuine.json");
        Files.copy(filed, filedByGenuine);
        Run otherKey = verify(certificate(rewritten, 2), filedByGenuine);
        assertThat(otherKey.out()).contains("the certificate's head is not signed by the trusted key");
    }

    @Test
    void unreadableDocumentsExitWithTwo() throws Exception {
        Path garbage = Files.writeString(directory.resolve("garbage.json"), "{not json");
        assertThat(Verifier.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "--certificate", garbage.toString(), "--head", garbage.toString())).isEqualTo(Verifier.UNREADABLE);
        assertThat(Verifier.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "--certificate")).isEqualTo(Verifier.UNREADABLE);
    }

    /** Appends a row as the ledger does: the next position, the aggregate's next number (from 0). */
    private void row(String aggregate, Object event) throws Exception {
        long position = 10 + rows.size();
        long sequence = rows.stream().filter(row -> row.aggregate().equals(aggregate)).count();
        rows.add(new StoredRow(position, aggregate, sequence, "Motion", event.getClass().getName(), "1",
                json.writeValueAsBytes(event), "{}".getBytes(), "2021-03-04T01:00:0" + rows.size() + "Z"));
    }

    private MerkleTree.Nodes nodes(List<StoredRow> over) {
        List<byte[]> leaves = over.stream().map(StoredRow::leafHash).toList();
        return (level, index) -> perfect(leaves.subList((int) (index << level), (int) ((index + 1) << level)));
    }

    private static byte[] perfect(List<byte[]> leaves) {
        return leaves.size() == 1 ? leaves.get(0) : TreeHash.node(perfect(leaves.subList(0, leaves.size() / 2)),
                perfect(leaves.subList(leaves.size() / 2, leaves.size())));
    }

    private PublishedHead signed(long size) {
        TreeHead head = TreeHead.sign(size, MerkleTree.root(size, nodes(rows)), 1_614_816_000_000L + size,
                key.getPrivate(), key.getPublic());
        return PublishedHead.of(head, key.getPublic());
    }

    private Path head(long size) throws Exception {
        Path file = directory.resolve("head-" + size + ".json");
        Files.write(file, json.writeValueAsBytes(signed(size)));
        return file;
    }

    private List<Evidence.EventProof> events(List<StoredRow> over, long size) {
        List<Evidence.EventProof> events = new ArrayList<>();
        for (int i = 1; i < over.size(); i++) {
            events.add(new Evidence.EventProof(i, over.get(i), MerkleTree.inclusion(i, size, nodes(rows))));
        }
        return events;
    }

    private ObjectNode certificate(List<StoredRow> over, long since) {
        long size = over.size();
        Evidence evidence = new Evidence(signed(size), new Evidence.Consistency(since, size,
                MerkleTree.consistency(since, size, nodes(over))), events(over, size));
        ObjectNode certificate = json.createObjectNode();
        certificate.put("motion", MOTION.value());
        certificate.set("arithmetic", json.valueToTree(tally));
        certificate.put("outcome", tally.outcome().name());
        certificate.set("evidence", json.valueToTree(evidence));
        return certificate;
    }

    private record Run(int status, String out) {
    }

    private Run verify(ObjectNode certificate, Path head) throws Exception {
        Path file = directory.resolve("certificate.json");
        Files.write(file, json.writeValueAsBytes(certificate));
        StringWriter out = new StringWriter();
        int status = Verifier.run(new PrintWriter(out), new PrintWriter(out), "--certificate", file.toString(),
                "--head", head.toString());
        return new Run(status, out.toString());
    }
}
