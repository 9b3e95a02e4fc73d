package org.charterledger.query.audit;

import org.charterledger.proof.TreeHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * The Ed25519 key that signs tree heads, as the operator configures it: a PKCS#8 key given in base64 (an environment
 * variable), or a PKCS#8 file (DER or PEM), generated into that file on first start when generation is allowed.
 * The public key is derived from the private one (RFC 8032 §5.1.5), so the operator keeps a single secret.
 */
record SigningKey(PrivateKey privateKey, PublicKey publicKey) {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PKCS8_PREFIX = HEX.parseHex("302e020100300506032b657004220420");
    private static final byte[] X509_PREFIX = HEX.parseHex("302a300506032b6570032100");

    static SigningKey configured(ProofSettings settings) {
        if (settings.signingKey() != null && !settings.signingKey().isBlank()) {
            return of(Base64.getMimeDecoder().decode(settings.signingKey().trim()));
        }
        Path file = settings.keyPath().orElse(null);
        if (file == null) {
            throw new IllegalStateException("no tree-head signing key: set ledger.proofs.signing-key"
                    + " (LEDGER_TREE_HEAD_KEY, PKCS#8 in base64) or ledger.proofs.key-file"
                    + " (LEDGER_TREE_HEAD_KEY_FILE)");
        }
        try {
            if (Files.exists(file)) {
                return of(read(Files.readAllBytes(file)));
            }
            if (!settings.generateKey()) {
                throw new IllegalStateException("the tree-head signing key file " + file + " does not exist, and"
                        + " ledger.proofs.generate-key is false: give the key (PKCS#8) in that file or in"
                        + " LEDGER_TREE_HEAD_KEY");
            }
            byte[] generated = KeyPairGenerator.getInstance(TreeHead.ALGORITHM).generateKeyPair().getPrivate()
                    .getEncoded();
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.write(file, generated);
            try {
                Files.setPosixFilePermissions(file, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
            } catch (UnsupportedOperationException notPosix) {
                // the file system's own permissions apply
            }
            log.warn("Generated a new tree-head signing key in {}: keep it and back it up, every head is signed"
                    + " with it; auditors trust its public key", file.toAbsolutePath());
            return of(generated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the tree-head signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key from its PKCS#8 encoding. */
    static SigningKey of(byte[] pkcs8) {
        if (pkcs8.length < 48 || !Arrays.equals(Arrays.copyOf(pkcs8, PKCS8_PREFIX.length), PKCS8_PREFIX)) {
            throw new IllegalStateException("the tree-head signing key is not an Ed25519 private key in PKCS#8");
        }
        byte[] seed = Arrays.copyOfRange(pkcs8, PKCS8_PREFIX.length, PKCS8_PREFIX.length + 32);
        try {
            PrivateKey key = KeyFactory.getInstance(TreeHead.ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Arrays.copyOf(pkcs8, 48)));
            byte[] x509 = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
            System.arraycopy(publicKeyOf(seed), 0, x509, X509_PREFIX.length, 32);
            return new SigningKey(key, TreeHead.publicKey(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the tree-head signing key cannot be read", e);
        }
    }

    private static byte[] read(byte[] file) {
        String text = new String(file, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN PRIVATE KEY-----")) {
            return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").trim());
        }
        return file;
    }

    // RFC 8032 §5.1: the Edwards curve of Ed25519 and its base point, for deriving a public key from a private one.
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger BX =
            new BigInteger("15112221349535400772501151409588531511454012693041857206046113283949847762202");
    private static final BigInteger BY =
            new BigInteger("46316835694926478169428394003475163141307993866256225615783033603165251855960");

    /** RFC 8032 §5.1.5: A = s·B, where s is the pruned first half of SHA-512(seed); encoded as in §5.1.2. */
    static byte[] publicKeyOf(byte[] seed) throws GeneralSecurityException {
        byte[] h = MessageDigest.getInstance("SHA-512").digest(seed);
        byte[] s = Arrays.copyOf(h, 32);
        s[0] &= (byte) 248;
        s[31] &= 127;
        s[31] |= 64;
        BigInteger scalar = new BigInteger(1, reversed(s));
        BigInteger[] q = {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
        BigInteger[] b = {BX, BY, BigInteger.ONE, BX.multiply(BY).mod(P)};
        for (int bit = 0; bit < scalar.bitLength(); bit++) {
            if (scalar.testBit(bit)) {
                q = add(q, b);
            }
            b = add(b, b);
        }
        BigInteger zInverse = q[2].modInverse(P);
        BigInteger x = q[0].multiply(zInverse).mod(P);
        BigInteger y = q[1].multiply(zInverse).mod(P);
        BigInteger encoded = x.testBit(0) ? y.setBit(255) : y;
        byte[] big = encoded.toByteArray();
        byte[] little = new byte[32];
        for (int i = 0; i < 32 && i < big.length; i++) {
            little[i] = big[big.length - 1 - i];
        }
        return little;
    }

    /** Addition in extended coordinates (X, Y, Z, T), RFC 8032 §5.1.4. */
    private static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
        BigInteger a = p[1].subtract(p[0]).multiply(q[1].subtract(q[0])).mod(P);
        BigInteger b = p[1].add(p[0]).multiply(q[1].add(q[0])).mod(P);
        BigInteger c = BigInteger.TWO.multiply(p[3]).multiply(q[3]).multiply(D).mod(P);
        BigInteger d = BigInteger.TWO.multiply(p[2]).multiply(q[2]).mod(P);
        BigInteger e = b.subtract(a);
        BigInteger f = d.subtract(c);
        BigInteger g = d.add(c);
        BigInteger h = b.add(a);
        return new BigInteger[]{e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P), e.multiply(h).mod(P)};
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
