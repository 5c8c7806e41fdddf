package io.flowstate.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Blocker;

/**
 * Reads a request body on the handler's (virtual) thread, refusing it past a limit. An SDK's request is small
 * and arrives with its headers, so the usual case is one chunk copied once; larger or slower bodies are read
 * chunk by chunk, parking the thread until Jetty has more.
 */
final class RequestBody {
    private RequestBody() {}

    /** The whole body, or null when it is (or is declared) larger than {@code max} bytes. */
    static byte[] read(Request request, long max) throws IOException {
        if (request.getLength() > max) {
            return null;
        }
        ByteArrayOutputStream more = null;
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
                if (more == null && chunk.isLast()) {
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    return bytes.length > max ? null : bytes;
                }
                if (more == null) {
                    more = new ByteArrayOutputStream(Math.max(256, b.remaining() * 2));
                }
                byte[] part = new byte[b.remaining()];
                b.get(part);
                more.writeBytes(part);
                if (more.size() > max) {
                    return null;
                }
                if (chunk.isLast()) {
                    return more.toByteArray();
                }
            } finally {
                chunk.release();
            }
        }
    }
}
