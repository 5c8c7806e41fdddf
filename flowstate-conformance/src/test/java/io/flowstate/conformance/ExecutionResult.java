package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * How an execution ended, as DescribeExecution and GetExecutionHistory report it.
 *
 * @param status {@code SUCCEEDED}, {@code FAILED}, {@code TIMED_OUT} or {@code ABORTED}
 * @param output the final output, parsed (a string output {@code "abc"} is a text node); empty unless succeeded
 * @param error the error name, when the execution failed with one
 * @param cause the cause text, when the execution failed with one
 * @param events the history, oldest first, each event in GetExecutionHistory's JSON shape: {@code id},
 *     {@code previousEventId}, {@code timestamp}, {@code type} and the {@code <x>EventDetails} object, whose
 *     {@code input}/{@code output}/{@code cause} fields are JSON <em>strings</em> as AWS returns them. Empty
 *     for Express executions, which keep no history.
 */
public record ExecutionResult(
        String status,
        Optional<JsonNode> output,
        Optional<String> error,
        Optional<String> cause,
        List<JsonNode> events) {
    public ExecutionResult {
        requireNonNull(status, "status is null");
        requireNonNull(output, "output is null");
        requireNonNull(error, "error is null");
        requireNonNull(cause, "cause is null");
        events = List.copyOf(events);
    }
}
