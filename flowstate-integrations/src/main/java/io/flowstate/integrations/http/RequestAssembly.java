package io.flowstate.integrations.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP request an HTTP Task sends, merged as AWS documents ("Merging EventBridge connection and HTTP Task
 * definition data"): the connection's headers, query parameters and body parameters are added to the task's,
 * and win on a name clash; a string {@code RequestBody} cannot take body parameters ({@code States.Runtime}).
 * The body is serialized after the merge: a string as it is, an object URL-encoded when the task's
 * {@code Transform} asks, anything else as JSON. Then Step Functions' own headers: the connection's
 * authorization, {@code Content-Type: application/json; charset=UTF-8} when a body has none (a URL-encoded body
 * too: AWS leaves setting the form content type to the definition),
 * {@code User-Agent: Amazon|StepFunctions|HttpInvoke|<region>} and {@code Range: bytes=0-262144}.
 */
final class RequestAssembly {
    /** Headers the JDK client writes itself (and refuses from callers). */
    private static final Set<String> CLIENT_HEADERS = Set.of("content-length", "host", "connection", "expect",
            "upgrade");

    private RequestAssembly() {}

    /**
     * The request for {@code task}, with {@code connection}'s parameters and {@code authorization} (the
     * connection's credentials as an {@code Authorization} or API-key header) when it has one.
     */
    static HttpRequest build(HttpTaskRequest task, Optional<Connection> connection, NamedValues authorization,
            String region) {
        Optional<String> body = body(task, connection);
        NamedValues headers = task.headers();
        NamedValues query = task.query();
        if (connection.isPresent()) {
            headers = headers.overriddenBy(connection.get().headers());
            query = query.overriddenBy(connection.get().query());
        }
        headers = headers.overriddenBy(authorization);
        if (body.isPresent() && !headers.has("Content-Type")) {
            headers = headers.with("Content-Type", List.of("application/json; charset=UTF-8"));
        }
        headers = headers.with("User-Agent", List.of("Amazon|StepFunctions|HttpInvoke|" + region))
                .with("Range", List.of("bytes=0-262144"));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(withQuery(task.endpoint(), query))
                    .timeout(HttpTransport.TIMEOUT)
                    .method(task.method(), body.map(b -> HttpRequest.BodyPublishers.ofString(b, StandardCharsets.UTF_8))
                            .orElseGet(HttpRequest.BodyPublishers::noBody));
            for (NamedValues.Entry h : headers.entries()) {
                if (!CLIENT_HEADERS.contains(h.name().toLowerCase(Locale.ROOT))) {
                    h.values().forEach(v -> request.header(h.name(), v));
                }
            }
            return request.build();
        } catch (IllegalArgumentException e) {
            // The JDK refuses what HTTP cannot carry: a header name or value with control characters, an odd URI.
            throw HttpFailure.runtime("The HTTP Task's request cannot be sent: " + e.getMessage());
        }
    }

    /** The headers that carry {@code auth}: the API key's own header, or {@code Authorization: Basic/Bearer}. */
    static NamedValues authorization(Connection.Auth auth, String bearerToken) {
        NamedValues none = NamedValues.headers();
        return switch (auth) {
            case Connection.ApiKey k -> none.with(k.name(), List.of(k.value()));
            case Connection.Basic b -> none.with("Authorization", List.of("Basic " + Base64.getEncoder()
                    .encodeToString((b.username() + ":" + b.password()).getBytes(StandardCharsets.UTF_8))));
            case Connection.OAuthClientCredentials o -> none.with("Authorization", List.of("Bearer " + bearerToken));
        };
    }

    private static Optional<String> body(HttpTaskRequest task, Optional<Connection> connection) {
        Optional<JsonNode> body = task.body();
        NamedValues extra = connection.map(Connection::body).orElse(NamedValues.query());
        if (!extra.entries().isEmpty()) {
            if (body.isPresent() && !body.get().isObject()) {
                throw HttpFailure.runtime("The HTTP Task's RequestBody is not a JSON object, so the connection's"
                        + " body parameters cannot be merged into it.");
            }
            ObjectNode merged = body.map(b -> ((ObjectNode) b).deepCopy()).orElseGet(Json::object);
            extra.entries().forEach(p -> merged.put(p.name(), p.values().getFirst()));
            body = Optional.of(merged);
        }
        return body.map(b -> b.isTextual() ? b.textValue()
                : task.urlEncoding().isPresent() && b.isObject() ? FormEncoder.encode(b, task.urlEncoding().get())
                : Json.write(b));
    }

    /** {@code values} as {@code name=value&...}, each percent-encoded, a name repeated for each of its values. */
    static String form(NamedValues values) {
        List<String> pairs = new ArrayList<>();
        for (NamedValues.Entry e : values.entries()) {
            e.values().forEach(v -> pairs.add(FormEncoder.percent(e.name()) + "=" + FormEncoder.percent(v)));
        }
        return String.join("&", pairs);
    }

    /** {@code base} with {@code query} appended to any query it already has (a fragment is never sent). */
    static URI withQuery(URI base, NamedValues query) {
        String encoded = form(query);
        String text = base.toString();
        int hash = text.indexOf('#');
        text = hash < 0 ? text : text.substring(0, hash);
        return URI.create(encoded.isEmpty() ? text : text + (base.getRawQuery() == null ? "?" : "&") + encoded);
    }
}
