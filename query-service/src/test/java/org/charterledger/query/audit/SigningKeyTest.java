package org.charterledger.query.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {

    @TempDir
    Path directory;

    /** The public key derived from the private one (RFC 8032 §5.1.5) is the one the JDK generated with it. */
    @Test
    void thePublicKeyIsDerivedFromThePrivateKeyAlone() throws Exception {
        for (int i = 0; i < 20; i++) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            SigningKey key = SigningKey.of(pair.getPrivate().getEncoded());
            assertThat(key.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        }
    }

    @Test
    void aKeyFromTheEnvironmentFromAPemFileOrGeneratedOnce() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String base64 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        assertThat(SigningKey.configured(settings(base64, null, false)).publicKey()).isEqualTo(pair.getPublic());

        Path pem = directory.resolve("key.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
        assertThat(SigningKey.configured(settings(null, pem, false)).publicKey()).isEqualTo(pair.getPublic());

        Path generated = directory.resolve("data/tree-head-key.pk8");
        assertThatThrownBy(() -> SigningKey.configured(settings(null, generated, false)))
                .hasMessageContaining("does not exist");
        SigningKey first = SigningKey.configured(settings(null, generated, true));
        assertThat(generated).exists();
        assertThat(SigningKey.configured(settings(null, generated, false)).publicKey()).isEqualTo(first.publicKey());
        assertThatThrownBy(() -> SigningKey.configured(settings("AAAA", null, false)))
                .hasMessageContaining("PKCS#8");
    }

    private static ProofSettings settings(String key, Path file, boolean generate) {
        return new ProofSettings(1000, java.time.Duration.ofSeconds(10), key, file == null ? null : file.toString(),
                generate, new ProofSettings.Witnesses(null, List.of()));
    }
}
