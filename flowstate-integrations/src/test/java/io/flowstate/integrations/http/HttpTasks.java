package io.flowstate.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Builders and assertions the HTTP Task tests share. */
final class HttpTasks {
    private HttpTasks() {}

    /** Parameters calling {@code path} on {@code server} with {@code method}. */
    static ObjectNode params(RecordingServer server, String method, String path) {
        ObjectNode p = Json.object();
        p.put("ApiEndpoint", server.url(path));
        p.put("Method", method);
        return p;
    }

    static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The output of a successful outcome. */
    static JsonNode success(TaskOutcome outcome) {
        assertThat(outcome).isInstanceOf(TaskOutcome.Success.class);
        return ((TaskOutcome.Success) outcome).output();
    }

    static void assertFailure(TaskOutcome outcome, String error, String causeContains) {
        assertThat(outcome).isInstanceOf(TaskOutcome.Failure.class);
        TaskOutcome.Failure f = (TaskOutcome.Failure) outcome;
        assertThat(f.error()).isEqualTo(error);
        assertThat(f.cause()).hasValueSatisfying(c -> assertThat(c).contains(causeContains));
    }
}
