package io.flowstate.api.auth;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as it arrived, for checking its signature: method, path, raw query, headers (names as sent, each
 * with its values) and body.
 */
public record SignedRequest(String method, String path, Optional<String> rawQuery, Map<String, List<String>> headers,
        byte[] body) {
    public SignedRequest {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        requireNonNull(rawQuery, "rawQuery is null");
        headers = Map.copyOf(headers);
        requireNonNull(body, "body is null");
    }

    /** The first value of header {@code name}, in any case. */
    Optional<String> header(String name) {
        for (var h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                return Optional.of(h.getValue().get(0));
            }
        }
        return Optional.empty();
    }
}
