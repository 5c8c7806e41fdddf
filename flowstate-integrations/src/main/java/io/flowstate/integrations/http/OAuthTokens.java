package io.flowstate.integrations.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens for {@code OAUTH_CLIENT_CREDENTIALS} connections, fetched and kept as EventBridge keeps them: a
 * token is reused until it is within a minute of its {@code expires_in}, and dropped when the API answers 401 or
 * 407, so the task's next attempt (a Retry) gets a fresh one.
 *
 * <p>The token request is the OAuth 2.0 client-credentials grant (RFC 6749 section 4.4): the connection's HTTP
 * method to its authorization endpoint, client id and secret as HTTP Basic credentials, a form body of
 * {@code grant_type=client_credentials} and the connection's {@code OAuthHttpParameters} (which may set
 * {@code grant_type} or {@code scope} themselves). AWS does not document the request's exact shape; a failed
 * token request is {@code Events.ConnectionResource.InvalidConnectionState}, the state EventBridge puts such a
 * connection in.
 */
final class OAuthTokens {
    private static final Duration EARLY_REFRESH = Duration.ofSeconds(60);

    private record Token(String value, Optional<Instant> expires) {}

    private final InstantSource clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    OAuthTokens(InstantSource clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A current token for {@code connection}, fetched when none is kept or the kept one is about to expire. */
    String token(String arn, Connection.OAuthClientCredentials auth) {
        String key = key(arn, auth);
        Token kept = tokens.get(key);
        Instant now = clock.instant();
        if (kept != null && kept.expires().map(e -> now.isBefore(e.minus(EARLY_REFRESH))).orElse(true)) {
            return kept.value();
        }
        Token fresh = fetch(arn, auth, now);
        tokens.put(key, fresh);
        return fresh.value();
    }

    /** Forgets the token of {@code connection}: the API refused it. */
    void invalidate(String arn, Connection.OAuthClientCredentials auth) {
        tokens.remove(key(arn, auth));
    }

    private static String key(String arn, Connection.OAuthClientCredentials auth) {
        // A connection updated with other credentials or another endpoint must not reuse the old token.
        return arn + "\n" + auth.clientId() + "\n" + auth.endpoint();
    }

    private static Token fetch(String arn, Connection.OAuthClientCredentials auth, Instant now) {
        NamedValues form = NamedValues.query().with("grant_type", List.of("client_credentials"))
                .overriddenBy(auth.body());
        String body = RequestAssembly.form(form);
        URI uri;
        try {
            uri = RequestAssembly.withQuery(URI.create(auth.endpoint()), auth.query());
        } catch (IllegalArgumentException e) {
            throw invalid(arn, "its authorization endpoint '" + auth.endpoint() + "' is not a valid URL");
        }
        String basic = Base64.getEncoder().encodeToString(
                (auth.clientId() + ":" + auth.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(HttpTransport.TIMEOUT)
                .method(auth.method(), HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded");
        for (NamedValues.Entry h : auth.headers().entries()) {
            for (String v : h.values()) {
                request.setHeader(h.name(), v);
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = HttpTransport.send(request.build());
        } catch (HttpFailure e) {
            throw invalid(arn, "its authorization endpoint could not be reached (" + e.getMessage() + ")");
        }
        if (response.statusCode() / 100 != 2) {
            throw invalid(arn, "its authorization endpoint answered " + response.statusCode());
        }
        JsonNode json = HttpResult.json(new String(response.body(), StandardCharsets.UTF_8)).orElse(null);
        if (json == null || !json.path("access_token").isTextual()) {
            throw invalid(arn, "its authorization endpoint's answer has no access_token");
        }
        long seconds = json.path("expires_in").asLong(0);
        Optional<Instant> expires = seconds > 0 ? Optional.of(now.plusSeconds(seconds)) : Optional.empty();
        return new Token(json.path("access_token").textValue(), expires);
    }

    private static HttpFailure invalid(String arn, String why) {
        return new HttpFailure("Events.ConnectionResource.InvalidConnectionState",
                "The connection '" + arn + "' could not be authorized: " + why + ".");
    }
}
