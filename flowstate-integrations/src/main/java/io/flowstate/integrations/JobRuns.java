package io.flowstate.integrations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.sdk.PojoJson;
import io.flowstate.integrations.sdk.SdkCall;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The job-run pattern ({@code .sync}) of ECS {@code runTask}, Batch {@code submitJob}, Glue {@code startJobRun},
 * CodeBuild {@code startBuild} and Athena {@code startQueryExecution}: the start call's result is recorded as
 * {@code TaskSubmitted}, then the service's describe action is polled (as AWS polls it) until the job ends. A job
 * that succeeded is the task's result; one that failed fails the task with {@code States.TaskFailed} and the job
 * as the cause.
 */
final class JobRuns {
    private static final Duration FIRST_POLL = Duration.ofMillis(50);
    private static final Duration MAX_POLL = Duration.ofSeconds(5);

    private final SdkCall sdk;
    private final OptimizedIntegration optimized;

    JobRuns(SdkCall sdk, OptimizedIntegration optimized) {
        this.sdk = requireNonNull(sdk, "sdk is null");
        this.optimized = requireNonNull(optimized, "optimized is null");
    }

    /** The job-run description of {@code r}, when it has one. */
    static Optional<JobRun> of(IntegrationResource r) {
        return Optional.ofNullable(JobRun.BY_ACTION.get(r.service() + ":" + r.action()));
    }

    TaskOutcome invoke(IntegrationResource r, OptimizedIntegration.Service s, JobRun run, JsonNode params,
            String executionArn) {
        TaskOutcome started = optimized.invoke(r, s, params, executionArn);
        if (!(started instanceof TaskOutcome.Success ok)) {
            return started;
        }
        if (r.service().equals("ecs") && ok.output().path("Failures").size() > 0) {
            // AWS: RunTask answered 200 with failures; the job-run pattern fails with AmazonECS.Unknown.
            return TaskOutcome.Failure.of("AmazonECS.Unknown", Json.write(ok.output().path("Failures")));
        }
        JsonNode describeParams = run.describeParams().apply(params, ok.output());
        return new TaskOutcome.Submitted(ok.output(), () -> await(s, run, describeParams));
    }

    private TaskOutcome await(OptimizedIntegration.Service s, JobRun run, JsonNode describeParams) {
        return Polling.until(() -> {
            JsonNode described;
            try {
                described = sdk.call(SdkCall.service(s.sdkName()), run.describe(), describeParams,
                        PojoJson.Timestamps.EPOCH_MILLIS).json();
            } catch (SdkException e) {
                return Optional.of(ServiceErrors.v1Style(s.errors(), e));
            }
            JsonNode job = run.job().apply(described);
            return run.ended().apply(job).map(ok -> ok ? new TaskOutcome.Success(job)
                    : TaskOutcome.Failure.of("States.TaskFailed", Json.write(job)));
        }, FIRST_POLL, MAX_POLL);
    }
}
