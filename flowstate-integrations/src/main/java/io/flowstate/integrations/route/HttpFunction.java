package io.flowstate.integrations.route;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * POSTs the payload (JSON) to a URL; a 2xx reply's body is the result. Any other status fails the call: with the
 * {@code errorType} of a JSON error body, else {@code States.TaskFailed} naming the status.
 */
public final class HttpFunction implements PayloadFunction {
    private static final HttpClient CLIENT = HttpClient.newBuilder().build();
    private final Target.Http target;

    public HttpFunction(Target.Http target) {
        this.target = requireNonNull(target, "target is null");
    }

    @Override
    public Reply call(String payload) {
        HttpRequest request = HttpRequest.newBuilder(target.url()).timeout(target.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Reply.Error("States.TaskFailed", "POST " + target.url() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply.Error("States.TaskFailed", "Interrupted while calling " + target.url());
        }
        if (response.statusCode() / 100 == 2) {
            return new Reply.Ok(response.body());
        }
        try {
            JsonNode json = Json.parse(response.body());
            if (json.path("errorType").isTextual()) {
                return new Reply.Error(json.get("errorType").textValue(), response.body());
            }
        } catch (IOException notJson) {
            // the status names the failure
        }
        return new Reply.Error("States.TaskFailed", "POST " + target.url() + " answered " + response.statusCode()
                + ": " + response.body());
    }
}
