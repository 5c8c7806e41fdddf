package io.flowstate.integrations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.sdk.SdkCall;
import io.flowstate.integrations.sdk.SdkClients;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code states:startExecution.sync} and {@code .sync:2}: starts the child execution (recorded as
 * {@code TaskSubmitted} with StartExecution's response), then waits for its end through DescribeExecution. The
 * result is DescribeExecution's fields, with {@code Input} and {@code Output} as JSON text ({@code .sync}) or as
 * JSON values ({@code .sync:2}); a child that did not succeed fails the task with {@code States.TaskFailed} and
 * those fields as the cause.
 */
final class NestedExecutions {
    private static final Duration FIRST_POLL = Duration.ofMillis(20);
    private static final Duration MAX_POLL = Duration.ofSeconds(1);

    private final SdkClients clients;
    private final OptimizedIntegration optimized;

    NestedExecutions(SdkClients clients, OptimizedIntegration optimized) {
        this.clients = requireNonNull(clients, "clients is null");
        this.optimized = requireNonNull(optimized, "optimized is null");
    }

    TaskOutcome invoke(IntegrationResource r, JsonNode params, String executionArn) {
        OptimizedIntegration.Service states = OptimizedIntegration.SERVICES.get("states");
        TaskOutcome started = optimized.invoke(r, states, params, executionArn);
        if (!(started instanceof TaskOutcome.Success s)) {
            return started;
        }
        String child = s.output().path("ExecutionArn").asText();
        boolean json = r.pattern() == IntegrationResource.Pattern.SYNC2;
        return new TaskOutcome.Submitted(s.output(), () -> awaitEnd(executionArn, child, json, states.errors()));
    }

    /**
     * Polls the child until it ends. A parent that ended meanwhile (stopped, timed out, failed in another branch)
     * stops its child, as AWS stops the {@code .sync} children of a stopped execution.
     */
    private TaskOutcome awaitEnd(String parentArn, String executionArn, boolean json, ServiceErrors.V1Service errors) {
        SfnClient sfn = (SfnClient) clients.client(SdkCall.service("sfn"));
        return Polling.until(() -> {
            DescribeExecutionResponse d;
            try {
                d = sfn.describeExecution(b -> b.executionArn(executionArn));
                if (d.status() == ExecutionStatus.RUNNING && parentEnded(sfn, parentArn)) {
                    sfn.stopExecution(b -> b.executionArn(executionArn)
                            .cause("The parent execution " + parentArn + " is no longer running."));
                    return Optional.of(TaskOutcome.Failure.of("States.TaskFailed", "The parent execution ended."));
                }
            } catch (SdkException e) {
                return Optional.of(ServiceErrors.v1Style(errors, e));
            }
            if (d.status() == ExecutionStatus.RUNNING || d.status() == ExecutionStatus.PENDING_REDRIVE) {
                return Optional.empty();
            }
            ObjectNode out = describe(d, json);
            return Optional.of(d.status() == ExecutionStatus.SUCCEEDED ? new TaskOutcome.Success(out)
                    : TaskOutcome.Failure.of("States.TaskFailed", Json.write(out)));
        }, FIRST_POLL, MAX_POLL);
    }

    private static boolean parentEnded(SfnClient sfn, String parentArn) {
        try {
            return sfn.describeExecution(b -> b.executionArn(parentArn)).status() != ExecutionStatus.RUNNING;
        } catch (SdkException e) {
            // A parent this endpoint does not know (an express execution, another account): keep waiting.
            return false;
        }
    }

    /** DescribeExecution's fields as the optimized integration returns them (SDK v1's names and dates). */
    private static ObjectNode describe(DescribeExecutionResponse d, boolean json) {
        ObjectNode out = Json.object();
        if (d.cause() != null) {
            out.put("Cause", d.cause());
        }
        if (d.error() != null) {
            out.put("Error", d.error());
        }
        out.put("ExecutionArn", d.executionArn());
        payload(out, "Input", d.input(), json);
        out.putObject("InputDetails").put("Included", true);
        out.put("Name", d.name());
        if (d.output() != null) {
            payload(out, "Output", d.output(), json);
            out.putObject("OutputDetails").put("Included", true);
        }
        // Today's AWS adds the redrive fields to a succeeded child's result (recordings from 2025 show them, from
        // 2023 not); a failed child's cause is still recorded without them.
        if (d.status() == ExecutionStatus.SUCCEEDED) {
            out.put("RedriveCount", d.redriveCount() == null ? 0 : d.redriveCount());
            if (d.redriveStatus() != null) {
                out.put("RedriveStatus", d.redriveStatusAsString());
            }
            if (d.redriveStatusReason() != null) {
                out.put("RedriveStatusReason", d.redriveStatusReason());
            }
        }
        out.put("StartDate", millis(d.startDate()));
        out.put("StateMachineArn", d.stateMachineArn());
        out.put("Status", d.statusAsString());
        if (d.stopDate() != null) {
            out.put("StopDate", millis(d.stopDate()));
        }
        return out;
    }

    private static void payload(ObjectNode out, String field, String text, boolean json) {
        if (text == null) {
            return;
        }
        if (json) {
            out.set(field, JsonText.tryParse(text).orElseGet(() -> Json.nodes().textNode(text)));
        } else {
            out.put(field, text);
        }
    }

    private static long millis(Instant i) {
        return i.toEpochMilli();
    }
}
