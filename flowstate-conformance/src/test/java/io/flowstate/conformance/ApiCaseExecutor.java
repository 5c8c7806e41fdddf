package io.flowstate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.ApiServer;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.engine.runtime.ManualTimers;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;

/**
 * Flowstate judged through its API: the server runs in-process on a loopback port and every case goes through
 * the real AWS SDK v2 {@link SfnClient}, as a user's program would. The case's Lambda functions are bound as
 * in-process task handlers ({@link RoutingLambdas}); timers run on a {@link ManualTimers} clock that this
 * executor moves on whenever the engine has gone quiet, so Waits and back-off take no real time.
 */
public final class ApiCaseExecutor implements CaseExecutor, AutoCloseable {
    /** How long the engine must stay unchanged before the next timer fires (tasks run on virtual threads). */
    private static final Duration QUIET = Duration.ofMillis(4);

    private final ManualTimers timers = new ManualTimers(Instant.parse("2025-01-01T00:00:00Z"));
    private final RoutingLambdas lambdas = new RoutingLambdas(timers.clock());
    private final StepFunctions service;
    private final ApiServer server;
    private final SfnClient sfn;

    public ApiCaseExecutor() {
        service = new StepFunctions(new ApiContext(Arns.REGION, Arns.ACCOUNT, InstantSource.system()), lambdas, timers,
                Duration.ofSeconds(1));
        server = ApiServer.start(service, "127.0.0.1", 0);
        sfn = SfnClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.of(Arns.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDCONF", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(120))
                        // The sync- host prefix of StartSyncExecution and TestState does not resolve on loopback.
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    @Override
    public boolean supportsExpressSync() {
        return true;
    }

    @Override
    public boolean supportsApi() {
        return true;
    }

    @Override
    public Optional<Rejection> create(String definition, String type) {
        // A throwaway name: the case's own machine is created when its execution starts.
        return rejected(() -> sfn.createStateMachine(b -> b.name("fsconfcheck" + Integer.toHexString(
                (definition + type).hashCode() & 0x7fffffff) + System.nanoTime()).definition(definition).type(type)
                .roleArn(Arns.ROLE_ARN)));
    }

    @Override
    public ExecutionResult execute(ExecutionRequest request) {
        lambdas.use(request.lambdas());
        String machineArn = createMachine(request.stateMachineName(), request.definition(), request.type());
        if (request.type().equals("EXPRESS")) {
            return sync(machineArn, request);
        }
        String executionArn = sfn.startExecution(b -> b.stateMachineArn(machineArn).name(request.executionName())
                .input(request.input())).executionArn();
        Optional<StopExecution> stop = request.stop();
        DescribeExecutionResponse d;
        long lastSeen = -1;
        while ((d = sfn.describeExecution(b -> b.executionArn(executionArn))).status() == ExecutionStatus.RUNNING) {
            long last = lastEventId(executionArn);
            if (last != lastSeen) {
                lastSeen = last;
                pause();
                continue;
            }
            if (stop.isPresent()) {
                StopExecution s = stop.get();
                stop = Optional.empty();
                sfn.stopExecution(b -> b.executionArn(executionArn).error(s.error().orElse(null)).cause(s.cause().orElse(null)));
            } else if (!timers.fireNext()) {
                pause();
            }
        }
        DescribeExecutionResponse done = d;
        return new ExecutionResult(done.statusAsString(),
                Optional.ofNullable(done.output()).map(Json::tryParse).flatMap(o -> o),
                Optional.ofNullable(done.error()), Optional.ofNullable(done.cause()), history(executionArn));
    }

    private ExecutionResult sync(String machineArn, ExecutionRequest request) {
        CompletableFuture<StartSyncExecutionResponse> call = CompletableFuture.supplyAsync(() -> sfn.startSyncExecution(
                b -> b.stateMachineArn(machineArn).name(request.executionName()).input(request.input())),
                Executors.newVirtualThreadPerTaskExecutor());
        while (!call.isDone()) {
            pause();
            if (!call.isDone()) {
                timers.fireNext();
            }
        }
        StartSyncExecutionResponse r;
        try {
            r = call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("StartSyncExecution failed: " + e.getCause(), e.getCause());
        }
        return new ExecutionResult(r.statusAsString(), Optional.ofNullable(r.output()).map(Json::tryParse).flatMap(o -> o),
                Optional.ofNullable(r.error()), Optional.ofNullable(r.cause()), List.of());
    }

    @Override
    public ApiReply call(ApiCall call) {
        try {
            return switch (call) {
                case ApiCall.Validate v -> ApiReply.of(SdkJson.of(sfn.validateStateMachineDefinition(
                        b -> b.definition(v.definition()).type(v.type()))));
                case ApiCall.TestState t -> {
                    lambdas.use(t.lambdas());
                    yield ApiReply.of(SdkJson.of(sfn.testState(TestStateRequests.of(t.request()))));
                }
                case ApiCall.Create c -> {
                    CreateStateMachineRequest.Builder b = CreateStateMachineRequest.builder().name(c.stateMachineName())
                            .definition(c.definition()).type(c.type()).roleArn(Arns.ROLE_ARN);
                    JsonNode x = c.extraArgs();
                    if (x.has("loggingConfiguration")) {
                        JsonNode l = x.get("loggingConfiguration");
                        b.loggingConfiguration(lc -> lc.level(LogLevel.fromValue(l.path("level").asText("OFF")))
                                .includeExecutionData(l.path("includeExecutionData").asBoolean(false)));
                    }
                    if (x.has("publish")) {
                        b.publish(x.get("publish").asBoolean());
                    }
                    if (x.has("versionDescription")) {
                        b.versionDescription(x.get("versionDescription").asText());
                    }
                    yield ApiReply.of(SdkJson.of(sfn.createStateMachine(b.build())));
                }
                case ApiCall.Start s -> {
                    ExecutionRequest r = s.request();
                    String arn = createMachine(r.stateMachineName(), r.definition(), r.type());
                    yield ApiReply.of(SdkJson.of(sfn.startExecution(b -> b.stateMachineArn(arn)
                            .name(r.executionName()).input(r.input()))));
                }
            };
        } catch (SfnException e) {
            return ApiReply.rejected(rejection(e));
        }
    }

    private String createMachine(String name, String definition, String type) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).type(type).roleArn(Arns.ROLE_ARN))
                .stateMachineArn();
    }

    private long lastEventId(String executionArn) {
        List<HistoryEvent> last = sfn.getExecutionHistory(b -> b.executionArn(executionArn).reverseOrder(true)
                .maxResults(1)).events();
        return last.isEmpty() ? 0 : last.get(0).id();
    }

    private List<JsonNode> history(String executionArn) {
        List<JsonNode> events = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetExecutionHistoryResponse page = sfn.getExecutionHistory(b -> b.executionArn(executionArn).maxResults(1000)
                    .nextToken(next));
            page.events().forEach(e -> events.add(SdkJson.of(e)));
            token = page.nextToken();
        } while (token != null);
        return events;
    }

    private static Optional<Rejection> rejected(Supplier<?> call) {
        try {
            call.get();
            return Optional.empty();
        } catch (SfnException e) {
            return Optional.of(rejection(e));
        }
    }

    private static Rejection rejection(SfnException e) {
        return new Rejection(e.awsErrorDetails().errorCode(), Optional.ofNullable(e.awsErrorDetails().errorMessage()).orElse(""));
    }

    private static void pause() {
        try {
            Thread.sleep(QUIET);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        sfn.close();
        server.close();
        service.close();
    }
}
