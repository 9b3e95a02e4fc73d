package org.charterledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.charterledger.events.EventJson;
import org.charterledger.proof.PublishedHead;
import org.charterledger.proof.TreeHead;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code java -jar verifier.jar --certificate motion.json --head filed-head.json}: checks a certificate without the
 * ledger and prints what it checked. Exit status 0: verified; 1: a check failed; 2: the documents cannot be read.
 */
@Command(name = "verifier", mixinStandardHelpOptions = true, version = "Charter Ledger verifier 1",
        description = {"Checks a motion's certificate against a signed tree head you filed earlier, without the"
                + " ledger: the heads' Ed25519 signatures, the consistency of the certificate's tree with the filed"
                + " one, each event's inclusion proof, and the decision's arithmetic (or a party's rights)"
                + " re-derived by the charter's rules.",
                "Exit status: 0 verified, 1 a check failed, 2 a document cannot be read."})
public final class Verifier implements Callable<Integer> {

    public static final int VERIFIED = 0;
    public static final int FAILED = 1;
    public static final int UNREADABLE = 2;

    @Option(names = {"-c", "--certificate"}, required = true,
            description = "the certificate (JSON), from /api/audit/motions/{id}/certificate?since=<filed size>")
    Path certificate;

    @Option(names = {"-H", "--head"}, required = true,
            description = "the head you filed earlier (JSON), from /api/audit/tree-heads/latest")
    Path head;

    @Option(names = {"-k", "--public-key"},
            description = "the ledger's public key you trust (base64 X.509, or a file holding it);"
                    + " by default the key named in the filed head")
    String publicKey;

    @Option(names = {"-w", "--witness-dir"},
            description = "a witness's directory of heads (<size>.json), each compared with the heads here")
    Path witnessDirectory;

    private final ObjectMapper json = EventJson.mapper();
    private PrintWriter out = new PrintWriter(System.out, true);

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the verifier as the command line does, writing to {@code out} and {@code err}; answers the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Verifier verifier = new Verifier();
        verifier.out = out;
        CommandLine line = new CommandLine(verifier).setOut(out).setErr(err);
        line.setExecutionExceptionHandler((e, command, parsed) -> {
            err.println("verifier: " + e.getMessage());
            return UNREADABLE;
        });
        int status = line.execute(args);
        return status == CommandLine.ExitCode.USAGE ? UNREADABLE : status;
    }

    @Override
    public Integer call() throws IOException {
        JsonNode certificateJson = json.readTree(certificate.toFile());
        PublishedHead filed = json.readValue(head.toFile(), PublishedHead.class);
        PublicKey trusted = publicKey == null ? null : TreeHead.publicKey(Base64.getMimeDecoder().decode(
                Files.exists(Path.of(publicKey)) ? Files.readString(Path.of(publicKey)).trim() : publicKey));
        List<PublishedHead> witnessed = new ArrayList<>();
        if (witnessDirectory != null) {
            try (Stream<Path> files = Files.list(witnessDirectory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                    witnessed.add(json.readValue(file.toFile(), PublishedHead.class));
                }
            }
        }
        out.println("Certificate of " + (certificateJson.hasNonNull("motion")
                ? "motion " + certificateJson.path("motion").asText()
                : "the rights of " + certificateJson.path("member").asText() + " on "
                + certificateJson.path("asOf").asText()) + " (" + certificate + ")");
        out.println("Filed head: " + filed.treeSize() + " events, issued " + filed.issuedAt() + " (" + head + ")");
        Report report = new CertificateCheck().check(certificateJson, filed, trusted, witnessed);
        out.print(report);
        out.flush();
        return report.verified() ? VERIFIED : FAILED;
    }
}
