package io.flowstate.integrations.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/** Routing files and the routes they set up: real processes, a real HTTP server, mocks and in-process handlers. */
class RoutedTasksTest {
    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:resize";
    private static final String EXECUTION = "arn:aws:states:us-east-1:123456789012:execution:orders:run-1";

    @TempDir
    Path dir;

    private static JsonNode json(String text) {
        try {
            return Json.parse(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static TaskInvocation inv(String resource, String state, String input) {
        return new TaskInvocation(resource, json(input), EXECUTION, state, 0, Optional.empty(), Optional.empty());
    }

    private RoutedTasks routes(String yaml, Map<String, TaskHandler> java) throws IOException {
        Path file = dir.resolve("integrations.yaml");
        Files.writeString(file, yaml);
        return RoutedTasks.of(RouteFile.read(file), java, Region.US_EAST_1, TaskHandlers.unbound(), InstantSource.system());
    }

    @Test
    void command_functionArn_runsProcessWithPayloadOnStdin() throws IOException {
        Files.writeString(dir.resolve("fn.py"), "import json,sys\nevent=json.load(sys.stdin)\n"
                + "print(json.dumps({'doubled': event['n'] * 2}))\n");
        try (RoutedTasks r = routes("routes:\n  - resource: 'arn:aws:lambda:*:*:function:resize'\n"
                + "    command: [python3, fn.py]\n    directory: .\n", Map.of())) {
            TaskOutcome out = r.invoke(inv(FN, "S", "{'n':21}"));

            assertThat(out).isEqualTo(new TaskOutcome.Success(json("{'doubled':42}")));
        }
    }

    @Test
    void command_lambdaInvoke_sendsPayloadAndWrapsResult() throws IOException {
        Files.writeString(dir.resolve("echo.py"), "import sys\nprint(sys.stdin.read())\n");
        try (RoutedTasks r = routes("routes:\n  - resource: 'arn:aws:states:::lambda:invoke'\n"
                + "    command: python3 echo.py\n    directory: .\n", Map.of())) {
            JsonNode out = ((TaskOutcome.Success) r.invoke(inv("arn:aws:states:::lambda:invoke", "S",
                    "{'FunctionName':'x','Payload':{'a':1}}"))).output();

            assertThat(out.path("Payload")).isEqualTo(json("{'a':1}"));
            assertThat(out.path("StatusCode").asInt()).isEqualTo(200);
        }
    }

    @Test
    void command_exitsWithLambdaStyleError_failsWithItsErrorType() throws IOException {
        Files.writeString(dir.resolve("bad.py"), "import json,sys\n"
                + "print(json.dumps({'errorType':'InvalidSize','errorMessage':'too big'}))\nsys.exit(1)\n");
        try (RoutedTasks r = routes("routes:\n  - state: Resize\n    command: [python3, bad.py]\n    directory: .\n",
                Map.of())) {
            TaskOutcome.Failure f = (TaskOutcome.Failure) r.invoke(inv(FN, "Resize", "{}"));

            assertThat(f.error()).isEqualTo("InvalidSize");
            assertThat(f.cause().orElseThrow()).contains("too big");
        }
    }

    @Test
    void http_anyResource_postsParametersAndReturnsReply() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", x -> {
            byte[] body = ("{\"got\":" + new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        try (RoutedTasks r = routes("routes:\n  - resource: 'arn:aws:states:::sqs:*'\n    http: http://127.0.0.1:"
                + server.getAddress().getPort() + "/hook\n", Map.of())) {
            TaskOutcome out = r.invoke(inv("arn:aws:states:::sqs:sendMessage", "S", "{'QueueUrl':'q'}"));

            assertThat(out).isEqualTo(new TaskOutcome.Success(json("{'got':{'QueueUrl':'q'}}")));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void java_firstMatchingRouteWins_laterAndUnmatchedGoElsewhere() throws IOException {
        Map<String, TaskHandler> java = Map.of(
                "first", TaskHandlers.function(in -> json("{'by':'first'}")),
                "second", TaskHandlers.function(in -> json("{'by':'second'}")));
        try (RoutedTasks r = routes("routes:\n  - state: Pay\n    java: first\n  - resource: '*'\n    state: Pay\n"
                + "    java: second\n  - resource: 'arn:aws:states:::sns:*'\n    java: second\n", java)) {
            assertThat(r.invoke(inv(FN, "Pay", "{}"))).isEqualTo(new TaskOutcome.Success(json("{'by':'first'}")));
            assertThat(r.invoke(inv("arn:aws:states:::sns:publish", "Notify", "{}")))
                    .isEqualTo(new TaskOutcome.Success(json("{'by':'second'}")));
            assertThat(((TaskOutcome.Failure) r.invoke(inv(FN, "Other", "{}"))).error()).isEqualTo("States.TaskFailed");
        }
    }

    @Test
    void mock_stateOfTestCase_answersWithMockedResponse() throws IOException {
        Files.writeString(dir.resolve("mocks.json"), "{\"StateMachines\":{\"orders\":{\"TestCases\":{\"Happy\":"
                + "{\"Charge\":\"Charged\"}}}},\"MockedResponses\":{\"Charged\":{\"0\":{\"Return\":{\"ok\":true}}}}}");
        try (RoutedTasks r = routes("routes:\n  - state: Charge\n    mock: {file: mocks.json, testCase: Happy}\n",
                Map.of())) {
            assertThat(r.invoke(inv(FN, "Charge", "{}"))).isEqualTo(new TaskOutcome.Success(json("{'ok':true}")));
        }
    }

    @Test
    void read_routeWithTwoTargets_failsNamingTheEntry() throws IOException {
        assertThatThrownBy(() -> routes("routes:\n  - state: A\n    aws: true\n    http: http://x\n", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("integrations.yaml: routes[0]: a route needs exactly one of");
    }

    @Test
    void read_unknownField_failsNamingIt() throws IOException {
        assertThatThrownBy(() -> routes("routes:\n  - state: A\n    aws: true\n    colour: red\n", Map.of()))
                .hasMessageContaining("unknown field 'colour'");
    }

    @Test
    void read_routeWithoutMatch_fails() throws IOException {
        assertThatThrownBy(() -> routes("routes:\n  - aws: true\n", Map.of()))
                .hasMessageContaining("must name a resource pattern, a state, or both");
    }

    @Test
    void of_unknownJavaHandler_fails() throws IOException {
        assertThatThrownBy(() -> routes("routes:\n  - state: A\n    java: nothing\n", Map.of()))
                .hasMessageContaining("no in-process handler named 'nothing'");
    }

    @Test
    void describe_routes_nameMatchAndTarget() throws IOException {
        try (RoutedTasks r = routes("{\"routes\":[{\"resource\":\"arn:aws:states:::sqs:*\",\"aws\":true}]}", Map.of())) {
            assertThat(r.describe()).isEqualTo(List.of("resource arn:aws:states:::sqs:* -> Aws[]"));
        }
    }
}
