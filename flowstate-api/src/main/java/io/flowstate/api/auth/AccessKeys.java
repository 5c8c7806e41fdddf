package io.flowstate.api.auth;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The access keys a server accepts, read from a file in the AWS shared-credentials format: one {@code [name]}
 * section per key with {@code aws_access_key_id}, {@code aws_secret_access_key} and an optional
 * {@code account_id}. Secrets are kept only here and never printed ({@link Key#toString()} leaves them out).
 */
public final class AccessKeys {
    /** One key: its id, secret, the profile it came from and the account it acts for (if the file says). */
    public record Key(String id, String secret, String profile, Optional<String> account) {
        public Key {
            requireNonNull(id, "id is null");
            requireNonNull(secret, "secret is null");
            requireNonNull(profile, "profile is null");
            requireNonNull(account, "account is null");
        }

        @Override
        public String toString() {
            return "Key[id=" + id + ", profile=" + profile + ", account=" + account.orElse("-") + "]";
        }
    }

    private final Map<String, Key> byId;

    private AccessKeys(Map<String, Key> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** The key with this id, if the file has it. */
    public Optional<Key> find(String accessKeyId) {
        return Optional.ofNullable(byId.get(accessKeyId));
    }

    /**
     * The key with this id when {@code secret} is its secret (a sign-in form's check). SHA-256 digests of the two
     * secrets are compared in constant time, and an unknown id costs the same work, so timing tells neither the
     * secret, nor its length, nor which ids exist.
     */
    public Optional<Key> login(String accessKeyId, String secret) {
        Optional<Key> key = find(accessKeyId);
        boolean same = java.security.MessageDigest.isEqual(sha256(key.map(Key::secret).orElse("")), sha256(secret));
        return same && key.isPresent() ? key : Optional.empty();
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** How many keys there are. */
    public int size() {
        return byId.size();
    }

    /** Reads {@code file}; an unreadable or malformed file is an {@link IllegalArgumentException} naming the line. */
    public static AccessKeys read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the credentials file " + file + ": " + e.getMessage(), e);
        }
        return parse(lines, file.toString());
    }

    static AccessKeys parse(List<String> lines, String source) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                sections.putIfAbsent(section, new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (section == null || eq < 1) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected [profile] or key = value");
            }
            sections.get(section).put(line.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT),
                    line.substring(eq + 1).strip());
        }
        Map<String, Key> keys = new LinkedHashMap<>();
        for (var s : sections.entrySet()) {
            String id = s.getValue().get("aws_access_key_id");
            String secret = s.getValue().get("aws_secret_access_key");
            if (id == null || secret == null || id.isEmpty() || secret.isEmpty()) {
                throw new IllegalArgumentException(source + ": profile [" + s.getKey()
                        + "] needs aws_access_key_id and aws_secret_access_key");
            }
            keys.put(id, new Key(id, secret, s.getKey(), Optional.ofNullable(s.getValue().get("account_id"))));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(source + " has no access keys");
        }
        return new AccessKeys(keys);
    }
}
