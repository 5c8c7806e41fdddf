package io.flowstate.console.web;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a route answers: status, content type, body and extra headers (a redirect's Location, htmx's HX-Refresh). */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    public Reply {
        requireNonNull(contentType, "contentType is null");
        requireNonNull(body, "body is null");
        headers = Map.copyOf(headers);
    }

    /** An HTML page or fragment. */
    public static Reply html(int status, String html) {
        return new Reply(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A 303 to {@code location}: after a form's POST, so that reloading the page does not repeat the action. */
    public static Reply redirect(String location) {
        return new Reply(303, "text/plain; charset=utf-8", new byte[0], Map.of("Location", location));
    }

    /** This reply with another HTML body. */
    public Reply withBody(String html) {
        return new Reply(status, contentType, html.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** This reply with one more header. */
    public Reply with(String header, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(header, value);
        return new Reply(status, contentType, body, more);
    }
}
