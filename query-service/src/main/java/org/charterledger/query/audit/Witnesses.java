package org.charterledger.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.charterledger.proof.PublishedHead;
import org.charterledger.proof.TreeHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The witnesses each signed head is pushed to as it is issued: a directory (a file per head, {@code <size>.json},
 * written atomically, never overwritten) and HTTP endpoints (POSTed as JSON). A witness keeps what it was given out
 * of the ledger's reach; comparing the ledger with its heads catches a rewrite of the events and the whole tree. A
 * witness that cannot be reached is logged with the head's size, and the ledger goes on; the ledger does not push a
 * missed head again: the witness fetches what it missed from {@code /api/audit/tree-heads}.
 */
@Component
public class Witnesses {

    private static final Logger log = LoggerFactory.getLogger(Witnesses.class);

    private final ProofSettings.Witnesses settings;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Witnesses(ProofSettings settings, ObjectMapper json) {
        this.settings = settings.witnesses();
        this.json = json;
    }

    void push(TreeHead head, PublicKey key) {
        PublishedHead published = PublishedHead.of(head, key);
        if (settings.path().isPresent()) {
            try {
                Path directory = settings.path().get();
                Files.createDirectories(directory);
                Path file = directory.resolve(head.treeSize() + ".json");
                if (!Files.exists(file)) {
                    Path temporary = Files.createTempFile(directory, ".head", ".tmp");
                    Files.write(temporary, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(published));
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                log.warn("Could not write tree head {} to the witness directory {}: {}", head.treeSize(),
                        settings.directory(), e.toString());
            }
        }
        for (URI url : settings.endpoints()) {
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(published))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() / 100 != 2) {
                    log.warn("The witness {} refused tree head {}: HTTP {}", url, head.treeSize(), answer.statusCode());
                }
            } catch (IOException e) {
                log.warn("Could not push tree head {} to the witness {}: {}", head.treeSize(), url, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The heads the witness directory holds, smallest first; none without a directory. */
    public List<PublishedHead> witnessed() {
        List<PublishedHead> heads = new ArrayList<>();
        if (settings.path().isEmpty() || !Files.isDirectory(settings.path().get())) {
            return heads;
        }
        try (Stream<Path> files = Files.list(settings.path().get())) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("\\d+\\.json")).toList()) {
                heads.add(json.readValue(file.toFile(), PublishedHead.class));
            }
        } catch (IOException e) {
            log.warn("Could not read the witness directory {}: {}", settings.directory(), e.toString());
        }
        heads.sort(java.util.Comparator.comparingLong(PublishedHead::treeSize));
        return heads;
    }

    public Optional<Path> directory() {
        return settings.path();
    }
}
