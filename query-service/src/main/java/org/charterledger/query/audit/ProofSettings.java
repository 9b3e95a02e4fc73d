package org.charterledger.query.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code ledger.proofs.*}: when a signed tree head is issued, with which key, and to which witnesses it is pushed.
 *
 * @param headEvery    a new head once the tree has grown by this many events since the last
 * @param headInterval or once this long has passed since the last, if the tree has grown at all
 * @param signingKey   the Ed25519 private key, PKCS#8, base64 (e.g. from an environment variable); or
 * @param keyFile      a file holding it (PKCS#8, DER or PEM); when neither is set and {@code generateKey} is true, a
 *                     key is generated once and kept in this file
 * @param generateKey  whether a missing key file may be generated (the embedded default; never under postgres)
 * @param witnesses    where each head is pushed as it is issued
 */
@ConfigurationProperties("ledger.proofs")
@Validated
public record ProofSettings(@Positive @DefaultValue("1000") int headEvery,
                            @NotNull @DefaultValue("10s") Duration headInterval,
                            String signingKey,
                            String keyFile,
                            @DefaultValue("false") boolean generateKey,
                            @Valid @NotNull @DefaultValue Witnesses witnesses) {

    /**
     * {@code ledger.proofs.witnesses.*}: a directory each head is written into as a file of its own, and HTTP
     * endpoints each head is POSTed to as JSON. None by default.
     */
    public record Witnesses(String directory, @NotNull @DefaultValue List<String> urls) {

        /** The directory, if one is set. */
        public Optional<Path> path() {
            return directory == null || directory.isBlank() ? Optional.empty() : Optional.of(Path.of(directory));
        }

        /** The endpoints set, blanks left out. */
        public List<URI> endpoints() {
            return urls.stream().filter(url -> !url.isBlank()).map(String::trim).map(URI::create).toList();
        }
    }

    /** The key file, if one is set. */
    public Optional<Path> keyPath() {
        return keyFile == null || keyFile.isBlank() ? Optional.empty() : Optional.of(Path.of(keyFile));
    }
}
