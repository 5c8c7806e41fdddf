package io.flowstate.console.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Random 256-bit tokens (session ids, CSRF tokens) as URL-safe Base64, and their constant-time comparison. */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** 32 random bytes from {@link SecureRandom}, 43 characters of unpadded URL-safe Base64. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code actual} is {@code expected}, in time that does not depend on where they differ. */
    public static boolean same(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code text} looks like a token of {@link #random()} (worth looking up at all). */
    public static boolean wellFormed(String text) {
        return text != null && text.length() == 43 && text.chars().allMatch(c -> c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_');
    }
}
