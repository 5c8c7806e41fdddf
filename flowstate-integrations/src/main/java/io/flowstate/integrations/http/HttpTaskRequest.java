package io.flowstate.integrations.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An HTTP Task's parameters, read and checked as AWS checks them: {@code ApiEndpoint} and {@code Method}
 * (GET, POST, PUT, DELETE, PATCH, OPTIONS, HEAD) are required; {@code Headers} may not name a header AWS
 * forbids; {@code Transform} selects URL-encoding of the body; the connection comes from
 * {@code InvocationConfig.ConnectionArn} or, the older form, {@code Authentication.ConnectionArn}. Every
 * violation is {@code States.Runtime}. AWS calls HTTPS only; plain {@code http://} is accepted for loopback
 * addresses, so local services can be called.
 */
record HttpTaskRequest(URI endpoint, String method, NamedValues headers, NamedValues query, Optional<JsonNode> body,
        Optional<FormEncoder.ArrayFormat> urlEncoding, Optional<String> connectionArn) {
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");

    /** The headers AWS's HTTP Task rejects in a definition; names starting with the prefixes too. */
    static final Set<String> FORBIDDEN_HEADERS = Set.of("a-im", "accept-charset", "accept-datetime", "accept-encoding",
            "authorization", "cache-control", "connection", "content-encoding", "content-md5", "date", "expect",
            "forwarded", "from", "host", "http2-settings", "if-match", "if-modified-since", "if-none-match",
            "if-range", "if-unmodified-since", "max-forwards", "origin", "pragma", "proxy-authorization", "referer",
            "server", "te", "trailer", "transfer-encoding", "upgrade", "via", "warning");
    static final List<String> FORBIDDEN_PREFIXES = List.of("x-forwarded-", "x-amz-", "x-amzn-");

    HttpTaskRequest {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(method, "method is null");
        requireNonNull(headers, "headers is null");
        requireNonNull(query, "query is null");
        requireNonNull(body, "body is null");
        requireNonNull(urlEncoding, "urlEncoding is null");
        requireNonNull(connectionArn, "connectionArn is null");
    }

    /** Reads {@code params}, or {@link HttpFailure} ({@code States.Runtime}) naming the rule broken. */
    static HttpTaskRequest parse(JsonNode params) {
        URI endpoint = endpoint(text(params, "ApiEndpoint"));
        String method = text(params, "Method");
        if (!METHODS.contains(method)) {
            throw HttpFailure.runtime("The HTTP Task's Method '" + method
                    + "' is not one of GET, POST, PUT, DELETE, PATCH, OPTIONS, HEAD.");
        }
        JsonNode body = params.path("RequestBody");
        return new HttpTaskRequest(endpoint, method, headers(params.path("Headers")),
                NamedValues.queryOf(params.path("QueryParameters")),
                body.isMissingNode() || body.isNull() ? Optional.empty() : Optional.of(body),
                transform(params.path("Transform")), connectionArn(params));
    }

    private static String text(JsonNode params, String field) {
        JsonNode v = params.path(field);
        if (!v.isTextual() || v.textValue().isEmpty()) {
            throw HttpFailure.runtime("The HTTP Task's field '" + field + "' is required and must be a string.");
        }
        return v.textValue();
    }

    private static URI endpoint(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw HttpFailure.runtime("The HTTP Task's ApiEndpoint '" + url + "' is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && loopback(uri.getHost()))) {
            throw HttpFailure.runtime("The HTTP Task's ApiEndpoint '" + url + "' must be an https:// URL"
                    + " (http:// is accepted for loopback addresses only).");
        }
        return uri;
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses are checked: a name is never resolved here, so no lookup can widen the rule.
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static NamedValues headers(JsonNode headers) {
        NamedValues out = NamedValues.headers();
        if (headers.isMissingNode() || headers.isNull()) {
            return out;
        }
        if (!headers.isObject()) {
            throw HttpFailure.runtime("The HTTP Task's Headers must be a JSON object.");
        }
        for (Map.Entry<String, JsonNode> h : headers.properties()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (FORBIDDEN_HEADERS.contains(name) || FORBIDDEN_PREFIXES.stream().anyMatch(name::startsWith)) {
                throw HttpFailure.runtime("The HTTP Task's Headers may not contain the header '" + h.getKey() + "'.");
            }
            out = out.with(h.getKey(), NamedValues.values(h.getValue()));
        }
        return out;
    }

    private static Optional<FormEncoder.ArrayFormat> transform(JsonNode transform) {
        String encoding = transform.path("RequestBodyEncoding").asText("NONE");
        if (encoding.equals("NONE")) {
            return Optional.empty();
        }
        if (!encoding.equals("URL_ENCODED")) {
            throw HttpFailure.runtime("The HTTP Task's Transform.RequestBodyEncoding '" + encoding
                    + "' is not one of NONE, URL_ENCODED.");
        }
        String format = transform.path("RequestEncodingOptions").path("ArrayFormat").asText("INDICES");
        try {
            return Optional.of(FormEncoder.ArrayFormat.valueOf(format));
        } catch (IllegalArgumentException e) {
            throw HttpFailure.runtime("The HTTP Task's Transform.RequestEncodingOptions.ArrayFormat '" + format
                    + "' is not one of INDICES, REPEAT, COMMAS, BRACKETS.");
        }
    }

    private static Optional<String> connectionArn(JsonNode params) {
        if (params.has("ConnectionArn")) {
            // Ignoring it would send the request without the credentials its author meant it to carry.
            throw HttpFailure.runtime("The HTTP Task's ConnectionArn belongs in InvocationConfig or Authentication:"
                    + " {\"InvocationConfig\": {\"ConnectionArn\": \"...\"}}.");
        }
        for (String holder : List.of("InvocationConfig", "Authentication")) {
            JsonNode arn = params.path(holder).path("ConnectionArn");
            if (arn.isTextual() && !arn.textValue().isEmpty()) {
                return Optional.of(arn.textValue());
            }
        }
        return Optional.empty();
    }
}
