package io.flowstate.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a store knows about the definitions table: each definition text's hash (its key), and which hashes it
 * has seen committed. Every start of a state machine carries the same definition text; hashing it (SHA-256 of
 * a few KiB) and re-inserting it on each start cost more than the rest of a small execution's start.
 *
 * <p>Rows of the definitions table are never deleted, so a hash once committed stays valid; should one be
 * missing anyway, the executions table's foreign key refuses the start rather than losing the definition.
 * Both maps are bounded (cleared when full): forgetting only costs a hash and an idempotent insert.
 */
final class Definitions {
    private static final int MAX = 1024;

    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    /** The hex SHA-256 of {@code definition}. */
    String hash(String definition) {
        String known = hashes.get(definition);
        if (known != null) {
            return known;
        }
        String hash = sha256(definition);
        if (hashes.size() >= MAX) {
            hashes.clear();
        }
        hashes.put(definition, hash);
        return hash;
    }

    /** Whether a row for {@code hash} is known to be committed. */
    boolean isStored(String hash) {
        return stored.contains(hash);
    }

    /** Records that a row for {@code hash} is committed. */
    void stored(String hash) {
        if (stored.size() >= MAX) {
            stored.clear();
        }
        stored.add(hash);
    }

    private static String sha256(String definition) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(definition.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
