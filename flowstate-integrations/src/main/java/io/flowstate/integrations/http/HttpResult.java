package io.flowstate.integrations.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskOutcome;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP Task's outcome from the API's response, in AWS's shape:
 * {@code {"Headers": {"content-type": ["application/json"], ...}, "ResponseBody": ..., "StatusCode": 200,
 * "StatusText": "OK"}}; header names in lower case, each with the array of its values; the body parsed when the
 * response says it is JSON, else the text. A status outside 2xx fails the task with
 * {@code States.Http.StatusCode.<code>} and the status text as cause (the body is dropped, as on AWS). A body
 * AWS refuses is {@code States.Runtime}: a {@code Content-Type} of {@code application/octet-stream},
 * {@code image/*}, {@code video/*} or {@code audio/*}, or bytes that are not valid text.
 */
final class HttpResult {
    private HttpResult() {}

    static TaskOutcome of(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String statusText = StatusTexts.of(status);
        if (status / 100 != 2) {
            return TaskOutcome.Failure.of("States.Http.StatusCode." + status, statusText);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String media = contentType.split(";", 2)[0].trim();
        if (media.equals("application/octet-stream") || media.startsWith("image/") || media.startsWith("video/")
                || media.startsWith("audio/")) {
            return TaskOutcome.Failure.of("States.Runtime", "The HTTP Task's response has the unsupported content"
                    + " type '" + media + "'.");
        }
        Optional<String> text = text(response.body());
        if (text.isEmpty()) {
            return TaskOutcome.Failure.of("States.Runtime", "The HTTP Task's response body can't be read as a"
                    + " valid string.");
        }
        ObjectNode out = Json.object();
        ObjectNode headers = out.putObject("Headers");
        for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
            if (!h.getKey().startsWith(":")) {
                ArrayNode values = headers.withArray(h.getKey().toLowerCase(Locale.ROOT));
                h.getValue().forEach(values::add);
            }
        }
        boolean json = media.equals("application/json") || media.endsWith("+json");
        String body = text.get();
        out.set("ResponseBody", json ? json(body).orElseGet(() -> Json.nodes().textNode(body))
                : Json.nodes().textNode(body));
        out.put("StatusCode", status);
        out.put("StatusText", statusText);
        return new TaskOutcome.Success(out);
    }

    /** {@code text} parsed as one JSON value, or empty. */
    static Optional<JsonNode> json(String text) {
        return io.flowstate.integrations.JsonText.tryParse(text);
    }

    private static Optional<String> text(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
