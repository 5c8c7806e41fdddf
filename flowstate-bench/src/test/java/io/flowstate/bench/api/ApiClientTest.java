package io.flowstate.bench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.api.ApiServer;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Both benchmark clients against a real server: answers parsed, errors thrown, connections reused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiClientTest {
    private SystemTimers timers;
    private StepFunctions service;
    private ApiServer server;

    @BeforeAll
    void start() {
        timers = new SystemTimers();
        service = new StepFunctions(new ApiContext("us-east-1", "123456789012", InstantSource.system()),
                TaskHandlers.unbound(), timers, Duration.ofSeconds(1));
        server = ApiServer.start(service, "127.0.0.1", 0);
    }

    @AfterAll
    void stop() {
        server.close();
        service.close();
        timers.close();
    }

    private List<ApiClient> clients() {
        return List.of(RawApiClient.connect("127.0.0.1", server.port()),
                JdkApiClient.create(URI.create("http://127.0.0.1:" + server.port() + "/")));
    }

    @Test
    void call_manyOnOneClient_everyAnswerParsed() throws Exception {
        for (ApiClient client : clients()) {
            try (client) {
                for (int i = 0; i < 20; i++) {
                    ObjectNode req = Json.object();
                    req.put("name", "act-" + client.getClass().getSimpleName() + "-" + i);
                    assertThat(client.call("CreateActivity", req).path("activityArn").asText()).endsWith(":" + req.get("name").asText());
                }
            }
        }
    }

    @Test
    void call_rejectedRequest_throwsWithTheErrorBody() throws Exception {
        for (ApiClient client : clients()) {
            try (client) {
                assertThatThrownBy(() -> client.call("DescribeActivity", Json.object()))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("answered 400").hasMessageContaining("ValidationException");
            }
        }
    }
}
