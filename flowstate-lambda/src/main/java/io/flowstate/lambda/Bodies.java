package io.flowstate.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Blocker;

/**
 * Reads a request body on the handler's (virtual) thread. Past the operation's limit the rest is read and
 * dropped rather than kept, up to a hard cap: clients such as the JDK's URL connection send the whole body before
 * they read the answer, so the 413 only reaches them if the server takes the body first.
 */
final class Bodies {
    /** Beyond this a body is not even drained: the connection is simply closed after the answer. */
    private static final long DRAIN_CAP = 128L * 1024 * 1024;

    private Bodies() {}

    /**
     * The body, or its size when it is over {@code max}.
     *
     * @param bytes the body, or null when it was over {@code max}
     * @param size its length in bytes (as far as it was read)
     */
    record Body(byte[] bytes, long size) {}

    static Body read(Request request, long max) throws IOException {
        long declared = request.getLength();
        if (declared > DRAIN_CAP) {
            return new Body(null, declared);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long size = 0;
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                try (Blocker.Runnable ready = Blocker.runnable()) {
                    request.demand(ready);
                    ready.block();
                }
                continue;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    throw new IOException("reading the request body failed", chunk.getFailure());
                }
                ByteBuffer b = chunk.getByteBuffer();
                size += b.remaining();
                if (size <= max) {
                    byte[] part = new byte[b.remaining()];
                    b.get(part);
                    out.writeBytes(part);
                } else {
                    b.position(b.limit());
                    out.reset();
                }
                if (chunk.isLast() || size > DRAIN_CAP) {
                    return new Body(size <= max ? out.toByteArray() : null, size);
                }
            } finally {
                chunk.release();
            }
        }
    }
}
