package io.flowstate.api.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.ApiException;
import io.flowstate.api.model.InspectionLevel;
import io.flowstate.api.model.TestState;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.MapState;
import io.flowstate.asl.model.ParallelState;
import io.flowstate.asl.model.State;
import io.flowstate.asl.model.TaskState;
import io.flowstate.engine.interp.Decision;
import io.flowstate.engine.interp.Effect;
import io.flowstate.engine.interp.Execution;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.Interpreter;
import io.flowstate.engine.interp.StateTest;
import io.flowstate.engine.interp.Trigger;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskOutcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * TestState: checks the request as AWS does (mock, context object, state configuration), runs the one state with
 * {@link StateTest}, answering its task with the mock or, without one, by calling the resource through the
 * server's {@link TaskHandler}, and reports the outcome with the inspection data DEBUG and TRACE ask for.
 */
final class TestStateService {
    private static final Set<String> CONTEXT_FIELDS = Set.of("Execution", "State", "StateMachine", "Task");
    private static final Set<String> EXECUTION_FIELDS = Set.of("Id", "Input", "Name", "RoleArn", "StartTime",
            "RedriveCount", "RedriveTime");
    /** A Wait or a retry backoff is not waited out; a bound guards against a state that never settles. */
    private static final int MAX_STEPS = 1000;

    private final ApiContext ctx;
    private final TaskHandler handler;

    TestStateService(ApiContext ctx, TaskHandler handler) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.handler = requireNonNull(handler, "handler is null");
    }

    TestState.Response test(TestState.Request r) {
        Optional<StateTest.Mock> mock = r.mock().map(TestStateService::mock);
        if (mock.isPresent() && r.revealSecrets()) {
            throw validation("TestState does not support RevealSecrets when a mock is specified.");
        }
        Optional<JsonNode> context = r.context().map(TestStateService::context);
        TestStateDefinition def = TestStateDefinition.of(r.definition(), r.stateName());
        r.roleArn().ifPresent(Definitions::checkRole);
        State state = StateTest.machineOf(def.machine(), def.stateName()).orElseThrow().state(def.stateName());
        if (state instanceof io.flowstate.asl.model.TaskState && r.roleArn().isEmpty() && mock.isEmpty()) {
            throw validation("RoleArn must be specified when testing a Task state");
        }
        if (context.isPresent() && context.get().has("Task") && !tokenPattern(state)) {
            throw validation("Invalid Context object provided: Context object contains 'Task' when state is not a Task"
                    + " state with a '.sync' or '.waitForTaskToken' service integration pattern");
        }
        StateTest.Configuration config = configuration(r.stateConfiguration());
        checkMock(state, mock, config);
        checkSchema(state, r.mock(), mock);
        JsonNode input = json(r.input().orElse("{}"), "input");
        Map<String, JsonNode> variables = variables(r.variables());
        String machineName = UUID.randomUUID().toString();
        String executionName = UUID.randomUUID().toString();
        Instant now = ctx.now();
        ExecutionInfo info = new ExecutionInfo(ctx.arn("express:" + machineName + ":" + executionName), executionName,
                ctx.arn("stateMachine:" + machineName), machineName, r.roleArn().orElse(""), ctx.region(), now, input,
                Optional.of(r.input().orElse("{}")));
        boolean inspect = r.inspectionLevel().orElse(InspectionLevel.INFO) != InspectionLevel.INFO;
        StateTest.Setup setup = new StateTest.Setup(info, variables, context, inspect, mock, config);
        Interpreter.Started started = StateTest.start(def.machine(), def.stateName(), setup, now);
        StateTest.Outcome outcome = run(started.execution(), started.decision(), info, mock);
        return new TestState.Response(outcome.output(), outcome.error(), outcome.cause(),
                inspect ? Optional.of(outcome.inspectionData()) : Optional.empty(), outcome.nextState(),
                outcome.status().name());
    }

    /** Answers the state's task invocations and timers until the state is done. */
    private StateTest.Outcome run(Execution exec, Decision first, ExecutionInfo info, Optional<StateTest.Mock> mock) {
        Decision d = first;
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<StateTest.Outcome> outcome = StateTest.outcome(exec);
            if (outcome.isPresent()) {
                return outcome.get();
            }
            Trigger next = null;
            for (Effect e : d.effects()) {
                if (e instanceof Effect.InvokeTask t && exec.isTaskPending(t.taskId())) {
                    next = mock.isPresent() ? mock.get().trigger(t.taskId()) : invoke(t, info);
                    break;
                }
            }
            if (next == null) {
                Optional<Effect.StartTimer> timer = d.effects().stream()
                        .filter(Effect.StartTimer.class::isInstance).map(Effect.StartTimer.class::cast).findFirst();
                if (timer.isEmpty()) {
                    break;
                }
                next = new Trigger.TimerFired(timer.get().timerId());
            }
            d = Interpreter.advance(exec, next, ctx.now());
        }
        return StateTest.outcome(exec).orElseThrow(() -> new IllegalStateException("the tested state did not settle"));
    }

    private Trigger invoke(Effect.InvokeTask t, ExecutionInfo info) {
        TaskOutcome out = handler.invoke(t.invocation(info.executionArn()));
        while (out instanceof TaskOutcome.Delayed || out instanceof TaskOutcome.Submitted) {
            out = out instanceof TaskOutcome.Delayed delayed ? delayed.then()
                    : ((TaskOutcome.Submitted) out).completion().await();
        }
        return switch (out) {
            case TaskOutcome.Success s -> new Trigger.TaskSucceeded(t.taskId(), s.output());
            case TaskOutcome.Failure f -> new Trigger.TaskFailed(t.taskId(), f.error(), f.cause());
            case TaskOutcome.Delayed d -> throw new IllegalStateException("unwrapped above");
            case TaskOutcome.Submitted s -> throw new IllegalStateException("unwrapped above");
        };
    }

    private static StateTest.Mock mock(JsonNode m) {
        boolean result = m.has("result");
        boolean error = m.has("errorOutput");
        if (result == error) {
            throw validation("A test mock should have only one of the following fields: [result, errorOutput].");
        }
        if (result) {
            String text = m.path("result").asText();
            try {
                return new StateTest.Mock.Result(Json.parse(text), text);
            } catch (JsonProcessingException e) {
                throw validation("Mocked result must be valid JSON");
            }
        }
        JsonNode e = m.path("errorOutput");
        return new StateTest.Mock.Error(e.path("error").asText(""),
                e.path("cause").isTextual() ? Optional.of(e.path("cause").textValue()) : Optional.empty());
    }

    private static void checkMock(State state, Optional<StateTest.Mock> mock, StateTest.Configuration config) {
        boolean fanOut = state instanceof MapState || state instanceof ParallelState;
        if (mock.isEmpty() && config.mapIterationFailureCount().isPresent()) {
            throw validation("TestState does not support MapIterationFailureCount when a mock is not specified.");
        }
        if (mock.isEmpty()) {
            if (fanOut) {
                throw new ApiException.InvalidDefinition("TestState API does not support Map or Parallel states."
                        + " Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]");
            }
            return;
        }
        switch (state.type()) {
            case "Pass", "Succeed", "Fail", "Choice", "Wait" ->
                    throw validation("State type '" + state.type() + "' is not supported when a mock is specified");
            default -> { }
        }
        if (!(mock.get() instanceof StateTest.Mock.Result result)) {
            return;
        }
        JsonNode value = result.value();
        if (state instanceof ParallelState p) {
            if (!value.isArray()) {
                throw validation("Mocked result must be an array.");
            }
            if (value.size() != p.branches().size()) {
                throw validation("Mocked result must contain the same number of items as number of Parallel branches.");
            }
        } else if (state instanceof MapState m) {
            if (m.resultWriter().isPresent()) {
                if (!value.isObject()) {
                    throw validation("Mocked result must be a JSON object.");
                }
            } else if (!value.isArray()) {
                throw validation("Mocked result must be an array.");
            } else if (config.mapIterationFailureCount().orElse(0) > value.size()) {
                throw validation("Map iteration failure count must be less than or equal to the number of Map iterations");
            }
        }
    }

    /** A mocked Task result must fit the called API's output shape, as strictly as {@code fieldValidationMode} asks. */
    private static void checkSchema(State state, Optional<JsonNode> request, Optional<StateTest.Mock> mock) {
        if (state instanceof TaskState t && mock.isPresent() && mock.get() instanceof StateTest.Mock.Result result) {
            String mode = request.map(m -> m.path("fieldValidationMode").asText("STRICT")).orElse("STRICT");
            MockSchema.of(t.resource()).flatMap(s -> MockResultCheck.problem(s, mode, result.value()))
                    .ifPresent(problem -> {
                        throw validation(problem);
                    });
        }
    }

    private static StateTest.Configuration configuration(Optional<JsonNode> c) {
        if (c.isEmpty()) {
            return StateTest.Configuration.NONE;
        }
        JsonNode n = c.get();
        return new StateTest.Configuration(integer(n, "retrierRetryCount"), integer(n, "mapIterationFailureCount"),
                n.path("errorCausedByState").isTextual() ? Optional.of(n.path("errorCausedByState").textValue())
                        : Optional.empty(),
                n.path("mapItemReaderData").isTextual()
                        ? Optional.of(json(n.path("mapItemReaderData").textValue(), "stateConfiguration.mapItemReaderData"))
                        : Optional.empty());
    }

    private static OptionalInt integer(JsonNode n, String field) {
        return n.path(field).canConvertToInt() && n.path(field).isNumber() ? OptionalInt.of(n.path(field).intValue())
                : OptionalInt.empty();
    }

    /** Whether {@code state} is a Task whose pattern gives it a task token ({@code .sync}, {@code .waitForTaskToken}). */
    private static boolean tokenPattern(State state) {
        if (!(state instanceof io.flowstate.asl.model.TaskState t)) {
            return false;
        }
        String r = t.resource();
        return r.endsWith(".sync") || r.endsWith(".sync:2") || r.endsWith(".waitForTaskToken");
    }

    /** The context object a client mocks: AWS's fields only, without {@code Map}. */
    private static JsonNode context(String text) {
        JsonNode c = json(text, "context");
        if (!c.isObject()) {
            throw validation("Invalid Context object provided: the context must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> e : c.properties()) {
            if (e.getKey().equals("Map")) {
                throw validation("Invalid Context object provided: 'Map' field is not supported when mocking a Context object");
            }
            if (!CONTEXT_FIELDS.contains(e.getKey())) {
                throw validation("Invalid Context object provided: Field '" + e.getKey() + "' is not allowed");
            }
        }
        for (Map.Entry<String, JsonNode> e : c.path("Execution").properties()) {
            if (!EXECUTION_FIELDS.contains(e.getKey())) {
                throw validation("Invalid Context object provided: Field '" + e.getKey() + "' is not allowed");
            }
            if (List.of("Id", "Name", "RoleArn", "StartTime").contains(e.getKey()) && !e.getValue().isTextual()) {
                throw validation("Invalid Context object provided: Execution." + e.getKey() + " must be a string");
            }
        }
        return c;
    }

    private static Map<String, JsonNode> variables(Optional<String> text) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (text.isPresent()) {
            JsonNode v = json(text.get(), "variables");
            if (!v.isObject()) {
                throw validation("Variables must be a JSON object");
            }
            v.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static JsonNode json(String text, String field) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new ApiException.InvalidExecutionInput("Invalid " + field + ": " + e.getOriginalMessage());
        }
    }

    private static ApiException validation(String message) {
        return new ApiException.ValidationException(message);
    }
}
