package io.flowstate.bench.lambda;

import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.bench.BenchFailure;
import io.flowstate.bench.ClosedLoop;
import io.flowstate.bench.ExecutionBody;
import io.flowstate.bench.ResultLine;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.local.LocalRunner;
import io.flowstate.engine.local.RunResult;
import io.flowstate.engine.local.VirtualClock;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.integrations.Integrations;
import io.flowstate.integrations.sdk.SdkClients;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code task-chain-lambda}: ten {@code lambda:invoke} Tasks per execution against a Lambda Invoke API server on
 * loopback, beside the raw baseline of a plain AWS SDK v2 client making the same ten calls per execution, in the
 * same run and at the same concurrency, runs interleaved. The ratio is what routing a call through Flowstate
 * costs over making it directly. Executions run in memory (the in-process runner).
 */
public final class LambdaChainBench {
    /** The workload's name in the result lines. */
    public static final String NAME = "task-chain-lambda";
    private static final int CALLS = 10;

    private LambdaChainBench() {}

    /** Runs {@code rounds} interleaved pairs of {@code seconds} each at {@code concurrency}; prints one line each. */
    public static void run(int concurrency, double seconds, int rounds, double warmupSeconds, PrintStream out)
            throws Exception {
        try (InvokeServer server = new InvokeServer();
                Integrations integrations = new Integrations(new SdkClients(Map.of("AWS_ENDPOINT_URL_LAMBDA",
                        server.endpoint().toString()), Map.of(), Region.US_EAST_1), TaskHandlers.unbound());
                LambdaClient lambda = LambdaClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                        .httpClient(UrlConnectionHttpClient.create())
                        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            StateMachine machine = AslParser.parse(definition()).machine().orElseThrow();
            AtomicInteger names = new AtomicInteger();
            java.util.function.Supplier<ExecutionBody> flowstate = () -> {
                LocalRunner runner = new LocalRunner(integrations, new VirtualClock(Instant.now()));
                return () -> check(runner.run(machine, ExecutionInfo.of("us-east-1", "123456789012", NAME,
                        "e" + names.incrementAndGet(), "arn:aws:iam::123456789012:role/bench", Instant.now(),
                        Json.object())));
            };
            java.util.function.Supplier<ExecutionBody> baseline = () -> () -> {
                String payload = "{}";
                for (int i = 0; i < CALLS; i++) {
                    final String p = payload;
                    payload = lambda.invoke(b -> b.functionName("bench-identity").payload(SdkBytes.fromUtf8String(p)))
                            .payload().asUtf8String();
                }
                if (Json.parse(payload).path("calls").asInt() != CALLS) {
                    throw new BenchFailure(NAME + ": the baseline chain returned " + payload);
                }
            };
            System.err.printf("bench: %s: warm-up %.1f s each%n", NAME, warmupSeconds);
            ClosedLoop.run(baseline, concurrency, warmupSeconds);
            ClosedLoop.run(flowstate, concurrency, warmupSeconds);
            for (int r = 0; r < rounds; r++) {
                ClosedLoop.Result base = ClosedLoop.run(baseline, concurrency, seconds);
                ClosedLoop.Result flow = ClosedLoop.run(flowstate, concurrency, seconds);
                out.println(new ResultLine("sdk-baseline", NAME, "throughput_per_s", base.perSecond(), concurrency,
                        base.completed(), "memory", false).toJson());
                out.println(new ResultLine(NAME, "throughput_per_s", flow.perSecond(), concurrency, flow.completed())
                        .toJson());
                System.err.printf("bench: %s round %d: flowstate %.1f/s, sdk %.1f/s, ratio %.2f%n", NAME, r + 1,
                        flow.perSecond(), base.perSecond(), flow.perSecond() / base.perSecond());
            }
        }
    }

    private static void check(RunResult result) throws BenchFailure {
        if (result.status() != ExecutionStatus.SUCCEEDED
                || result.output().orElseThrow().path("calls").asInt() != CALLS) {
            throw new BenchFailure(NAME + ": an execution ended " + result.status() + " with "
                    + result.output().map(Json::write).orElse(result.error().orElse("?")));
        }
    }

    /** Ten lambda:invoke Tasks, each passing the previous payload on (OutputPath keeps the function's result). */
    static String definition() {
        StringBuilder states = new StringBuilder();
        for (int i = 1; i <= CALLS; i++) {
            states.append(i > 1 ? "," : "").append("\"T").append(i).append("\":{\"Type\":\"Task\",")
                    .append("\"Resource\":\"arn:aws:states:::lambda:invoke\",")
                    .append("\"Parameters\":{\"FunctionName\":\"bench-identity\",\"Payload.$\":\"$\"},")
                    .append("\"OutputPath\":\"$.Payload\",")
                    .append(i < CALLS ? "\"Next\":\"T" + (i + 1) + "\"}" : "\"End\":true}");
        }
        return "{\"StartAt\":\"T1\",\"States\":{" + states + "}}";
    }
}
