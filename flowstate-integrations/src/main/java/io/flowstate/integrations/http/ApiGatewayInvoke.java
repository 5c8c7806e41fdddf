package io.flowstate.integrations.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskOutcome;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code arn:aws:states:::apigateway:invoke}: calls an API Gateway endpoint,
 * {@code https://<ApiEndpoint>/<Stage>/<Path>} with {@code Method}, {@code Headers} and {@code QueryParameters}
 * (each name with an array of values) and {@code RequestBody} (JSON, or text as it is). The result is
 * {@code {"Headers": {name: [values]}, "ResponseBody": <JSON or text>, "StatusCode", "StatusText"}}; a status
 * outside 2xx fails the task with {@code ApiGateway.<status>} and the response body as the cause, as AWS
 * records them. An endpoint on this machine ({@code localhost}, {@code 127.0.0.1}) or one given with
 * {@code http://} is called over plain HTTP, for local API stand-ins. {@code AuthType: IAM_ROLE} request signing is
 * not done: the request goes unsigned.
 */
public final class ApiGatewayInvoke {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    /** Calls the API as the Task's parameters say. */
    public TaskOutcome invoke(JsonNode params) {
        String endpoint = params.path("ApiEndpoint").asText("");
        String method = params.path("Method").asText("");
        if (endpoint.isEmpty() || !METHODS.contains(method)) {
            return TaskOutcome.Failure.of("States.Runtime", "apigateway:invoke needs an ApiEndpoint and a Method among "
                    + METHODS + ", got " + Json.write(params));
        }
        URI uri;
        try {
            uri = URI.create(url(endpoint, params.path("Stage").asText(""), params.path("Path").asText(""))
                    + query(params.path("QueryParameters")));
        } catch (IllegalArgumentException e) {
            return TaskOutcome.Failure.of("States.Runtime", "Invalid API Gateway URL: " + e.getMessage());
        }
        JsonNode body = params.path("RequestBody");
        HttpRequest.BodyPublisher publisher = body.isMissingNode() || body.isNull()
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.isTextual() ? body.textValue() : Json.write(body));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(HttpTransport.TIMEOUT).method(method, publisher);
        for (Map.Entry<String, JsonNode> h : params.path("Headers").properties()) {
            for (JsonNode v : h.getValue().isArray() ? h.getValue() : Json.nodes().arrayNode().add(h.getValue())) {
                request.header(h.getKey(), v.asText());
            }
        }
        if (!body.isMissingNode() && !body.isNull() && !params.path("Headers").has("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<byte[]> response;
        try {
            response = HttpTransport.send(request.build());
        } catch (HttpFailure f) {
            return f.outcome();
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        JsonNode parsed = HttpResult.json(text).orElseGet(() -> Json.nodes().textNode(text));
        if (response.statusCode() / 100 != 2) {
            return TaskOutcome.Failure.of("ApiGateway." + response.statusCode(), text);
        }
        ObjectNode out = Json.object();
        ObjectNode headers = out.putObject("Headers");
        for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
            if (!h.getKey().startsWith(":")) {
                ArrayNode values = headers.putArray(h.getKey());
                h.getValue().forEach(values::add);
            }
        }
        out.set("ResponseBody", text.isEmpty() ? Json.object() : parsed);
        out.put("StatusCode", response.statusCode());
        out.put("StatusText", StatusTexts.of(response.statusCode()));
        return new TaskOutcome.Success(out);
    }

    private static String url(String endpoint, String stage, String path) {
        String base = endpoint.contains("://") ? endpoint : (local(endpoint) ? "http://" : "https://") + endpoint;
        StringBuilder b = new StringBuilder(base.replaceAll("/+$", ""));
        for (String part : new String[] {stage, path}) {
            String p = part.replaceAll("^/+|/+$", "");
            if (!p.isEmpty()) {
                b.append('/').append(p);
            }
        }
        return b.toString();
    }

    private static boolean local(String endpoint) {
        String host = endpoint.split("[:/]", 2)[0];
        return host.equals("localhost") || host.startsWith("127.") || host.endsWith(".localhost");
    }

    private static String query(JsonNode params) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : params.properties()) {
            for (JsonNode v : e.getValue().isArray() ? e.getValue() : Json.nodes().arrayNode().add(e.getValue())) {
                q.append(q.isEmpty() ? "?" : "&").append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(v.asText(), StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }
}
