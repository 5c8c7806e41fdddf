package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.EvaluationException;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.jsonata.JsonataBindings;
import io.flowstate.asl.model.IntSource;
import io.flowstate.asl.model.TaskState;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import java.util.Map;
import java.util.Optional;

/**
 * Task: schedules an invocation ({@link Effect.InvokeTask}) and waits for its result, a failure or its
 * timeout; Retry and Catch apply to failures.
 */
final class TaskStep {
    /** AWS's payload limit for a state's result. */
    static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    private TaskStep() {}

    static void enter(Run r, Fiber f, TaskState s) {
        attempt(r, f, s);
    }

    /** Evaluates InputPath and Parameters (again on a retry, where {@code $$.State.RetryCount} has grown) and schedules. */
    static void attempt(Run r, Fiber f, TaskState s) {
        // Activities and .waitForTaskToken tasks are completed by whoever holds the token ($$.Task.Token).
        f.taskToken = needsToken(s.resource()) ? token(r) : null;
        if (Run.jsonata(s)) {
            f.effectiveInput = s.arguments().isPresent()
                    ? JsonataIo.template(s.arguments().get(), JsonataIo.bindings(r, f, f.input), "Arguments")
                    : f.input;
            inspect(r, f, "afterArguments", f.effectiveInput);
            schedule(r, f, s);
            return;
        }
        JsonNode effective = Io.inputPath(r, f, s.io(), f.input);
        inspect(r, f, "afterInputPath", effective);
        f.effectiveInput = Io.parameters(r, f, s.io(), effective);
        inspect(r, f, "afterParameters", f.effectiveInput);
        schedule(r, f, s);
    }

    /** Schedules (or, on a retry, reschedules) the invocation with the effective parameters. */
    static void schedule(Run r, Fiber f, TaskState s) {
        Optional<Long> timeout = seconds(r, f, s.timeoutSeconds(), "TimeoutSecondsPath");
        Optional<Long> heartbeat = seconds(r, f, s.heartbeatSeconds(), "HeartbeatSecondsPath");
        TaskResource res = TaskResource.of(s.resource());
        JsonNode params = f.effectiveInput;
        Optional<String> role = roleArn(r, f, s);
        switch (res.kind()) {
            case LAMBDA_FUNCTION -> {
                r.emit(f, EventType.LAMBDA_FUNCTION_SCHEDULED,
                        new EventDetails.Scheduled(s.resource(), params, timeout, Optional.empty(), role));
                r.emit(f, EventType.LAMBDA_FUNCTION_STARTED, EventDetails.NONE);
            }
            case ACTIVITY -> {
                // ActivityStarted waits for a worker to take the task (Trigger.TaskStarted).
                r.emit(f, EventType.ACTIVITY_SCHEDULED,
                        new EventDetails.Scheduled(s.resource(), params, timeout, heartbeat, role));
                f.taskStarted = false;
            }
            case SERVICE -> {
                r.emit(f, EventType.TASK_SCHEDULED, new EventDetails.TaskScheduled(res.resourceType(),
                        res.resource(), r.exec.info.region(), params, timeout, heartbeat, role));
                r.emit(f, EventType.TASK_STARTED, new EventDetails.TaskStarted(res.resourceType(), res.resource()));
            }
        }
        f.taskSubmitted = false;
        long taskId = r.exec.nextTaskId++;
        r.exec.tasks.put(taskId, f);
        f.pendingTaskId = taskId;
        f.phase = Fiber.Phase.AWAIT_TASK;
        r.effects.add(new Effect.InvokeTask(taskId, s.resource(), params, s.name(), f.retryCount,
                Optional.ofNullable(f.taskToken), timeout, role));
        timeout.ifPresent(t -> r.startTimer(r.now.plusSeconds(t), Execution.TimerKind.TASK_TIMEOUT, f, taskId));
        f.heartbeatTimerId = heartbeat.map(h -> r.startTimer(r.now.plusSeconds(h), Execution.TimerKind.HEARTBEAT_TIMEOUT,
                f, taskId)).orElse(-1L);
    }

    /**
     * The role the Task's {@code Credentials} names ({@code RoleArn}, {@code RoleArn.$} or JSONata), evaluated on
     * the state's input like its parameters; AWS records it as {@code taskCredentials} and calls with its
     * credentials.
     */
    private static Optional<String> roleArn(Run r, Fiber f, TaskState s) {
        if (s.credentials().isEmpty()) {
            return Optional.empty();
        }
        io.flowstate.asl.model.Template t = s.credentials().get();
        JsonNode creds = t.compiled().isPresent() ? t.compiled().get().evaluate(r.context(f, f.input))
                : JsonataIo.template(t, JsonataIo.bindings(r, f, f.input), "Credentials");
        JsonNode role = creds.path("RoleArn");
        if (!role.isTextual()) {
            throw new EvaluationException(ErrorNames.RUNTIME, "The Credentials field's RoleArn is not a string: "
                    + (role.isMissingNode() ? "missing" : Json.write(role)));
        }
        return Optional.of(role.textValue());
    }

    /** An activity worker took the task: {@code ActivityStarted} with its name, once per attempt. */
    static void started(Run r, Fiber f, TaskState s, Optional<String> workerName) {
        if (TaskResource.of(s.resource()).kind() != TaskResource.Kind.ACTIVITY || f.taskStarted) {
            return;
        }
        f.taskStarted = true;
        r.emit(f, EventType.ACTIVITY_STARTED, new EventDetails.ActivityStarted(workerName));
    }

    /** The service accepted a {@code .sync} or {@code .waitForTaskToken} call: {@code TaskSubmitted}, once per attempt. */
    static void submitted(Run r, Fiber f, TaskState s, JsonNode response) {
        TaskResource res = TaskResource.of(s.resource());
        if (res.kind() != TaskResource.Kind.SERVICE || f.taskSubmitted) {
            return;
        }
        f.taskSubmitted = true;
        r.emit(f, EventType.TASK_SUBMITTED, new EventDetails.TaskOutput(res.resourceType(), res.resource(), response));
    }

    static void succeeded(Run r, Fiber f, TaskState s, JsonNode result) {
        TaskResource res = TaskResource.of(s.resource());
        if (r.exec.overPayloadLimit(result)) {
            failed(r, f, s, Run.dataLimitExceeded(res.kind() == TaskResource.Kind.SERVICE ? res.resourceType() : s.resource()));
            return;
        }
        r.emit(f, res.succeeded(), res.kind() == TaskResource.Kind.SERVICE
                ? new EventDetails.TaskOutput(res.resourceType(), res.resource(), result)
                : new EventDetails.Output(result));
        f.phase = Fiber.Phase.ENTER;
        inspect(r, f, "result", result);
        try {
            if (Run.jsonata(s)) {
                JsonataBindings b = JsonataIo.bindings(r, f, f.input).withResult(result);
                Map<String, JsonNode> assigned = JsonataIo.assign(s.common().assign(), b, "Assign");
                JsonNode output = JsonataIo.output(s, b, result);
                r.applyAssign(f, assigned);
                r.exit(f, s, output, assigned, s.transition());
                return;
            }
            JsonNode selected = Io.resultSelector(r, f, s.io(), result);
            inspect(r, f, "afterResultSelector", selected);
            Map<String, JsonNode> assigned = r.assign(f, s.common().assign(), selected);
            JsonNode withResult = Io.resultPath(s.io(), f.input, selected);
            inspect(r, f, "afterResultPath", withResult);
            JsonNode output = Io.outputPath(r, f, s.io(), withResult);
            r.exit(f, s, output, assigned, s.transition());
        } catch (EvaluationException e) {
            r.failState(f, s, e);
        }
    }

    /** Reports a step's payload to a state test, if one watches this fiber. */
    static void inspect(Run r, Fiber f, String key, JsonNode value) {
        StepProbe p = r.probe(f);
        if (p != null) {
            p.payload(key, value);
        }
    }

    static void failed(Run r, Fiber f, TaskState s, StateFailure failure) {
        TaskResource res = TaskResource.of(s.resource());
        EventDetails details = res.kind() == TaskResource.Kind.SERVICE
                ? new EventDetails.TaskFailure(res.resourceType(), res.resource(), failure.errorName(), failure.cause())
                : new EventDetails.Failure(failure.errorName(), failure.cause());
        r.emit(f, res.failed(), details);
        f.phase = Fiber.Phase.ENTER;
        ErrorHandling.handle(r, f, s, failure);
    }

    /**
     * The task ran out of time, or went without a heartbeat for too long: both are {@code States.Timeout} in
     * history and error output, as AWS records them; a heartbeat timeout is also matched by
     * {@code States.HeartbeatTimeout} in Retry and Catch.
     */
    static void timedOut(Run r, Fiber f, TaskState s, boolean heartbeat) {
        String error = ErrorNames.TIMEOUT;
        TaskResource res = TaskResource.of(s.resource());
        EventDetails details = res.kind() == TaskResource.Kind.SERVICE
                ? new EventDetails.TaskFailure(res.resourceType(), res.resource(), Optional.of(error), Optional.empty())
                : new EventDetails.Failure(Optional.of(error), Optional.empty());
        r.emit(f, res.timedOut(), details);
        f.phase = Fiber.Phase.ENTER;
        // AWS's error output for a timeout carries an empty Cause, though the event has none.
        ErrorHandling.handle(r, f, s, new StateFailure(error, Optional.of(""), heartbeat));
    }

    static boolean needsToken(String resource) {
        return resource.endsWith(".waitForTaskToken") || resource.endsWith(".sync") || resource.endsWith(".sync:2")
                || TaskResource.of(resource).kind() == TaskResource.Kind.ACTIVITY;
    }

    /** A task token: unguessable for callers, yet drawn from the execution's seeded source so a replay repeats it. */
    private static String token(Run r) {
        byte[] bytes = new byte[48];
        r.exec.random.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A heartbeat: the heartbeat timeout starts over. */
    static void heartbeat(Run r, Fiber f, TaskState s, long taskId) {
        if (f.heartbeatTimerId < 0 || s.heartbeatSeconds().isEmpty()) {
            return;
        }
        r.exec.timers.remove(f.heartbeatTimerId);
        long seconds = seconds(r, f, s.heartbeatSeconds(), "HeartbeatSecondsPath").orElseThrow();
        f.heartbeatTimerId = r.startTimer(r.now.plusSeconds(seconds), Execution.TimerKind.HEARTBEAT_TIMEOUT, f, taskId);
    }

    private static Optional<Long> seconds(Run r, Fiber f, Optional<IntSource> source, String field) {
        if (source.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (source.get()) {
            case IntSource.Literal l -> l.value();
            case IntSource.FromPath p -> {
                JsonNode v = p.path().read(r.context(f, f.input));
                if (!v.isIntegralNumber() || v.longValue() <= 0) {
                    throw new EvaluationException(ErrorNames.RUNTIME, "The " + field + " field refers to value \""
                            + (v.isTextual() ? v.textValue() : Json.write(v)) + "\" which is not a valid positive integer: "
                            + p.path().text());
                }
                yield v.longValue();
            }
            case IntSource.FromJsonata j -> JsonataIo.integer(j.expression(), JsonataIo.bindings(r, f, f.input),
                    field.replace("Path", ""));
        });
    }
}
