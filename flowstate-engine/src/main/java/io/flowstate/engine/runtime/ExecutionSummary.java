package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.engine.interp.ExecutionStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * What DescribeExecution and ListExecutions show of an execution, kept by the {@link ExecutionStore} beside
 * its history and replaced at each commit. {@code lastEventId} is the version checked on every commit.
 */
public record ExecutionSummary(
        String executionArn,
        String stateMachineArn,
        String name,
        String type,
        ExecutionStatus status,
        Instant startDate,
        Optional<Instant> stopDate,
        String inputText,
        Optional<JsonNode> output,
        Optional<String> error,
        Optional<String> cause,
        long lastEventId) {
    public ExecutionSummary {
        requireNonNull(executionArn, "executionArn is null");
        requireNonNull(stateMachineArn, "stateMachineArn is null");
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(status, "status is null");
        requireNonNull(startDate, "startDate is null");
        requireNonNull(stopDate, "stopDate is null");
        requireNonNull(inputText, "inputText is null");
        requireNonNull(output, "output is null");
        requireNonNull(error, "error is null");
        requireNonNull(cause, "cause is null");
    }
}
