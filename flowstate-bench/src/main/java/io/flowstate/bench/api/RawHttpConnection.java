package io.flowstate.bench.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket, the way a load generator such as wrk talks to a
 * server: the request goes out in one write, the response is read with Content-Length or chunked framing, and
 * nothing else happens on the client (no pool, no selector thread, no futures). It belongs to one thread. The
 * connection is reopened when the server closes it.
 */
final class RawHttpConnection implements AutoCloseable {
    /** An HTTP answer: status code and body bytes. */
    record Response(int status, byte[] body) {}

    private final String host;
    private final int port;
    private final ByteArrayOutputStream request = new ByteArrayOutputStream(1024);
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends {@code POST /} with {@code headers} and {@code body} and reads the whole response. */
    Response post(Map<String, String> headers, byte[] body) throws IOException {
        request.reset();
        StringBuilder head = new StringBuilder(512).append("POST / HTTP/1.1\r\nHost: ").append(host).append(':')
                .append(port).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        request.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        if (socket == null) {
            open();
        }
        out.write(request.toByteArray());
        out.flush();
        return read();
    }

    private void open() throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private Response read() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body = chunked ? chunks() : length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
        if (close || (!chunked && length < 0)) {
            close();
        }
        return new Response(code, body);
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers: none expected, skipped
                }
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(n));
            line();
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed in the middle of a response");
            }
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
