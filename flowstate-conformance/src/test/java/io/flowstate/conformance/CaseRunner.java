package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs one case against a {@link CaseExecutor}: decides whether it applies, prepares the request (names,
 * Lambda tokens and functions), calls the executor with a time limit and compares the result.
 */
public final class CaseRunner {
    private final CaseExecutor executor;
    private final Duration timeout;

    public CaseRunner(CaseExecutor executor, Duration timeout) {
        this.executor = requireNonNull(executor, "executor is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    public CaseOutcome run(ConformanceCase testCase) {
        Optional<String> notApplicable = whyNotApplicable(testCase);
        if (notApplicable.isPresent()) {
            return CaseOutcome.notApplicable(testCase, notApplicable.get());
        }
        CaseNames names = CaseNames.of(testCase);
        String definition = names.substitute(testCase.definition());
        try {
            Optional<ApiCall> apiCall = executor.supportsApi() ? apiCall(testCase, names, definition) : Optional.empty();
            if (apiCall.isPresent()) {
                ApiReply reply = limited(() -> executor.call(apiCall.get()));
                return CaseOutcome.compared(testCase, CaseComparator.compareReply(testCase, names, reply));
            }
            Optional<Rejection> rejection = limited(() -> executor.create(definition, testCase.stateMachineType()));
            if (testCase.kind() == CaseKind.REJECTED) {
                return CaseOutcome.compared(testCase, CaseComparator.compareRejection(testCase, names, rejection));
            }
            if (rejection.isPresent()) {
                return CaseOutcome.broken(testCase, "CreateStateMachine rejected the definition: "
                        + rejection.get().code() + ": " + rejection.get().message());
            }
            ExecutionResult result = limited(() -> executor.execute(request(testCase, names, definition)));
            return CaseOutcome.compared(testCase, CaseComparator.compareExecution(testCase, names, result));
        } catch (TimeoutException e) {
            return CaseOutcome.broken(testCase, "did not finish within " + timeout.toSeconds()
                    + " s (flowstate.conformance.timeoutSeconds); Waits should run on a testing clock");
        } catch (RuntimeException | ExecutionException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            return CaseOutcome.broken(testCase, "executor threw " + cause);
        }
    }

    /** The API call a case makes instead of CreateStateMachine (+ StartExecution), if it makes one. */
    static Optional<ApiCall> apiCall(ConformanceCase testCase, CaseNames names, String definition) {
        return switch (testCase.kind()) {
            case EXECUTION, EXECUTION_OUTPUT, EXPRESS_SYNC -> Optional.empty();
            case VALIDATE -> Optional.of(new ApiCall.Validate(definition,
                    testCase.expected().path("validation_type").asText(testCase.stateMachineType())));
            case TEST_STATE -> Optional.of(testState(testCase, names, definition));
            case REJECTED -> switch (testCase.operation().orElse("")) {
                case "TestState" -> Optional.of(testState(testCase, names, definition));
                case "StartExecution" -> Optional.of(new ApiCall.Start(request(testCase, names, definition)));
                default -> testCase.expected().has("create_state_machine_extra_args")
                        ? Optional.of(new ApiCall.Create(names.stateMachine(), definition, testCase.stateMachineType(),
                                testCase.expected().get("create_state_machine_extra_args")))
                        : Optional.empty();
            };
        };
    }

    private static ApiCall testState(ConformanceCase testCase, CaseNames names, String definition) {
        String text = testCase.request().map(Json::write).orElseThrow(() -> new IllegalStateException(
                testCase.id() + " has no request.json"));
        JsonNode request = Json.parse(names.substitute(text.replace("__ROLE_ARN__", Arns.ROLE_ARN)));
        return new ApiCall.TestState(request, request(testCase, names, definition).lambdas());
    }

    /** Why the suite cannot run a case in-process, if it cannot. */
    Optional<String> whyNotApplicable(ConformanceCase testCase) {
        if (executor.supportsApi()) {
            return Optional.empty();
        }
        return switch (testCase.kind()) {
            case EXECUTION, EXECUTION_OUTPUT -> Optional.empty();
            case EXPRESS_SYNC -> executor.supportsExpressSync() ? Optional.empty()
                    : Optional.of("the executor does not run EXPRESS machines synchronously");
            case REJECTED -> !testCase.operation().equals(Optional.of("CreateStateMachine"))
                    ? Optional.of(testCase.operation().orElse("?") + " rejections need the API server")
                    : testCase.expected().has("create_state_machine_extra_args")
                    ? Optional.of("CreateStateMachine arguments beyond definition and type need the API server")
                    : Optional.empty();
            case VALIDATE -> Optional.of("ValidateStateMachineDefinition needs the API server");
            case TEST_STATE -> Optional.of("TestState needs the API server");
        };
    }

    static ExecutionRequest request(ConformanceCase testCase, CaseNames names, String definition) {
        Map<String, LambdaFunction> lambdas = new LinkedHashMap<>();
        for (LambdaNeed need : testCase.needs()) {
            String arn = names.lambdaArns().get(need.arnToken());
            String errorType = need.behaviour().path("errorType").asText();
            LambdaBehaviour behaviour = LambdaBehaviour.fromJson(need.behaviour(),
                    RecordedStackTrace.find(testCase.expected(), errorType));
            lambdas.put(arn, new LambdaFunction(names.lambdaNames().get(need.nameToken()), arn, behaviour));
        }
        JsonNode stop = stopAction(testCase.expected());
        Optional<StopExecution> stopExecution = stop.isMissingNode() ? Optional.empty()
                : Optional.of(new StopExecution(text(stop.path("args"), "error"), text(stop.path("args"), "cause")));
        return new ExecutionRequest(names.stateMachine(), names.execution(), definition,
                names.substitute(testCase.input().orElse("{}")), testCase.stateMachineType(), lambdas, stopExecution);
    }

    private static JsonNode stopAction(JsonNode expected) {
        for (JsonNode action : expected.path("actions")) {
            if ("StopExecution".equals(action.path("operation").asText())) {
                return action;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.path(field).isTextual() ? Optional.of(node.path(field).textValue()) : Optional.empty();
    }

    private <T> T limited(Supplier<T> call) throws TimeoutException, ExecutionException {
        ExecutorService thread = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Future<T> future = thread.submit(call::get);
            try {
                return future.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (TimeoutException e) {
                future.cancel(true);
                throw e;
            }
        } finally {
            thread.shutdownNow();
        }
    }
}
