package org.charterledger.web;

import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Checks the passwords of the ledger's users, which come from the environment at start and are kept only in this
 * process's memory: as an HMAC-SHA-256 under a key drawn at start, compared in constant time. A deliberately slow
 * hash such as bcrypt protects a password file that may leak; there is none here, and bcrypt costs tens of
 * milliseconds of CPU on every request, since HTTP Basic sends the password with each one.
 */
public final class InMemoryPasswords implements PasswordEncoder {

    private final SecretKeySpec key;

    public InMemoryPasswords() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return HexFormat.of().formatHex(mac(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return encodedPassword != null
                && MessageDigest.isEqual(mac(rawPassword), HexFormat.of().parseHex(encodedPassword));
    }

    private byte[] mac(CharSequence rawPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }
}
