package io.flowstate.integrations.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.engine.task.TraceContext;
import io.flowstate.integrations.sdk.SdkClients;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The HTTP Task, {@code arn:aws:states:::http:invoke}: calls an HTTPS API with the task's {@code ApiEndpoint},
 * {@code Method}, {@code Headers}, {@code QueryParameters}, {@code RequestBody} and {@code Transform}, authorized
 * by the EventBridge connection its {@code InvocationConfig} or {@code Authentication} names, and returns AWS's
 * result {@code {"Headers", "ResponseBody", "StatusCode", "StatusText"}}.
 *
 * <p>Behaviour follows AWS's "Call HTTPS APIs in Step Functions workflows" page: forbidden headers and
 * unsupported responses are {@code States.Runtime}; a non-2xx answer is {@code States.Http.StatusCode.<code>};
 * no answer at all (refused, unknown host, the 60-second timeout) is {@code States.Http.Socket}; connection
 * problems are {@code Events.ConnectionResource.*}. Two deliberate differences serve local use: plain
 * {@code http://} is allowed to loopback addresses, and a task without a connection is sent unauthenticated
 * (AWS requires one; its absence is a definition error there).
 *
 * <p>Thread-safe: one instance serves every execution.
 */
public final class HttpInvoke {
    private final Connections connections;
    private final OAuthTokens tokens;
    private final String region;

    /**
     * Resolves connections through {@code clients} (EventBridge and Secrets Manager, routed as configured) and
     * judges OAuth token expiry by {@code clock}.
     */
    public HttpInvoke(SdkClients clients, InstantSource clock) {
        requireNonNull(clients, "clients is null");
        this.connections = new Connections(clients);
        this.tokens = new OAuthTokens(requireNonNull(clock, "clock is null"));
        this.region = clients.region().id();
    }

    /** Calls the API that {@code params} (the task's effective parameters) describe. */
    public TaskOutcome invoke(JsonNode params) {
        return invoke(params, Optional.empty());
    }

    /**
     * As {@link #invoke(JsonNode)}, inside {@code trace}: the request carries W3C {@code traceparent} so the API's
     * spans join the execution's trace, unless the task's {@code Headers} set one themselves.
     */
    public TaskOutcome invoke(JsonNode params, Optional<TraceContext> trace) {
        requireNonNull(params, "params is null");
        requireNonNull(trace, "trace is null");
        try {
            HttpTaskRequest task = HttpTaskRequest.parse(params);
            Optional<Connection> connection = task.connectionArn().map(connections::resolve);
            NamedValues authorization = connection.map(c -> RequestAssembly.authorization(c.auth(),
                    c.auth() instanceof Connection.OAuthClientCredentials o ? tokens.token(c.arn(), o) : ""))
                    .orElseGet(NamedValues::headers);
            HttpRequest request = RequestAssembly.build(task, connection, authorization, region);
            if (trace.isPresent() && request.headers().firstValue("traceparent").isEmpty()) {
                request = HttpRequest.newBuilder(request, (name, value) -> true)
                        .header("traceparent", trace.get().traceparent()).build();
            }
            HttpResponse<byte[]> response = HttpTransport.send(request);
            if (response.statusCode() == 401 || response.statusCode() == 407) {
                // EventBridge refreshes an OAuth token the API refused; the task's next attempt fetches a new one.
                connection.filter(c -> c.auth() instanceof Connection.OAuthClientCredentials)
                        .ifPresent(c -> tokens.invalidate(c.arn(), (Connection.OAuthClientCredentials) c.auth()));
            }
            return HttpResult.of(response);
        } catch (HttpFailure e) {
            return e.outcome();
        }
    }
}
