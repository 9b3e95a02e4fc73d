package org.charterledger.proof;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class TreeHeadTest {

    private static final byte[] ROOT = TreeHash.leaf(new byte[]{42});

    @Test
    void aHeadVerifiesWithTheKeyThatSignedItAndNoOther() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        TreeHead head = TreeHead.sign(7, ROOT, 1_700_000_000_000L, key.getPrivate(), key.getPublic());

        assertThat(head.signedBy(key.getPublic())).isTrue();
        assertThat(head.signedBy(TreeHead.publicKey(key.getPublic().getEncoded()))).isTrue();
        assertThat(head.signedBy(other.getPublic())).isFalse();
        assertThat(new TreeHead(8, ROOT, head.timestamp(), head.keyId(), head.signature())
                .signedBy(key.getPublic())).isFalse();
        assertThat(new TreeHead(7, TreeHash.empty(), head.timestamp(), head.keyId(), head.signature())
                .signedBy(key.getPublic())).isFalse();
        assertThat(new TreeHead(7, ROOT, head.timestamp() + 1, head.keyId(), head.signature())
                .signedBy(key.getPublic())).isFalse();
        // the same numbers signed again with another key are another head, signed by that key only
        TreeHead forged = TreeHead.sign(7, ROOT, head.timestamp(), other.getPrivate(), other.getPublic());
        assertThat(forged.signedBy(key.getPublic())).isFalse();
        assertThat(forged.sameAs(head)).isFalse();
    }

    @Test
    void whatIsSignedReadsAsText() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        TreeHead head = TreeHead.sign(3, ROOT, 5, key.getPrivate(), key.getPublic());

        assertThat(new String(head.signed())).startsWith("charter-ledger tree head v1\n3\n").contains("\n5\n")
                .endsWith(head.keyId() + "\n");
        assertThat(head.keyId()).hasSize(64);
    }
}
