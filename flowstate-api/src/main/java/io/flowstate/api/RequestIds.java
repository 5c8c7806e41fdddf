package io.flowstate.api;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids in AWS's shape (a random version-4 UUID). {@link UUID#randomUUID()} draws from the shared
 * {@code SecureRandom}, which on Linux takes a lock and reads {@code /dev/urandom} on every request; an id only
 * has to be unique enough to find a request in the log, so a thread-local generator does.
 */
final class RequestIds {
    private RequestIds() {}

    /** A new random UUID text, version 4, IETF variant. */
    static String next() {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long hi = (rnd.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rnd.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
        return new UUID(hi, lo).toString();
    }
}
