package io.flowstate.engine.interp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The identity of an execution, fixed when it starts: what the context object's {@code Execution} and
 * {@code StateMachine} parts show, and the region used in history details. {@code traceHeader} is the X-Ray
 * trace header StartExecution was given, which the execution's trace continues.
 */
public record ExecutionInfo(
        String executionArn,
        String name,
        String stateMachineArn,
        String stateMachineName,
        String roleArn,
        String region,
        Instant startTime,
        JsonNode input,
        java.util.Optional<String> inputText,
        java.util.Optional<String> stateMachineVersionArn,
        java.util.Optional<String> stateMachineAliasArn,
        java.util.Optional<String> traceHeader) {
    public ExecutionInfo {
        requireNonNull(traceHeader, "traceHeader is null");
        requireNonNull(executionArn, "executionArn is null");
        requireNonNull(name, "name is null");
        requireNonNull(stateMachineArn, "stateMachineArn is null");
        requireNonNull(stateMachineName, "stateMachineName is null");
        requireNonNull(roleArn, "roleArn is null");
        requireNonNull(region, "region is null");
        requireNonNull(startTime, "startTime is null");
        requireNonNull(input, "input is null");
        requireNonNull(inputText, "inputText is null");
        requireNonNull(stateMachineVersionArn, "stateMachineVersionArn is null");
        requireNonNull(stateMachineAliasArn, "stateMachineAliasArn is null");
    }

    /** An execution started without a trace header. */
    public ExecutionInfo(String executionArn, String name, String stateMachineArn, String stateMachineName,
            String roleArn, String region, Instant startTime, JsonNode input, java.util.Optional<String> inputText,
            java.util.Optional<String> stateMachineVersionArn, java.util.Optional<String> stateMachineAliasArn) {
        this(executionArn, name, stateMachineArn, stateMachineName, roleArn, region, startTime, input, inputText,
                stateMachineVersionArn, stateMachineAliasArn, java.util.Optional.empty());
    }

    /** An execution started through the state machine itself (no version or alias). */
    public ExecutionInfo(String executionArn, String name, String stateMachineArn, String stateMachineName,
            String roleArn, String region, Instant startTime, JsonNode input, java.util.Optional<String> inputText) {
        this(executionArn, name, stateMachineArn, stateMachineName, roleArn, region, startTime, input, inputText,
                java.util.Optional.empty(), java.util.Optional.empty());
    }

    /** The same identity, started through a version and/or an alias (ExecutionStarted records their ARNs). */
    public ExecutionInfo withTarget(java.util.Optional<String> versionArn, java.util.Optional<String> aliasArn) {
        return new ExecutionInfo(executionArn, name, stateMachineArn, stateMachineName, roleArn, region, startTime,
                input, inputText, versionArn, aliasArn, traceHeader);
    }

    /** The same identity, remembering the input's text exactly as the client sent it. */
    public ExecutionInfo withInputText(String text) {
        return new ExecutionInfo(executionArn, name, stateMachineArn, stateMachineName, roleArn, region, startTime,
                input, java.util.Optional.of(text), stateMachineVersionArn, stateMachineAliasArn, traceHeader);
    }

    /** The same identity, started with the X-Ray trace header {@code header}. */
    public ExecutionInfo withTraceHeader(java.util.Optional<String> header) {
        return new ExecutionInfo(executionArn, name, stateMachineArn, stateMachineName, roleArn, region, startTime,
                input, inputText, stateMachineVersionArn, stateMachineAliasArn, header);
    }

    /**
     * The identity of a Standard execution of {@code stateMachineName} in {@code region} and {@code account},
     * with AWS's ARN shapes ({@code arn:aws:states:REGION:ACCOUNT:execution:MACHINE:NAME}).
     */
    public static ExecutionInfo of(String region, String account, String stateMachineName, String executionName,
            String roleArn, Instant startTime, JsonNode input) {
        String prefix = "arn:aws:states:" + region + ":" + account + ":";
        return new ExecutionInfo(prefix + "execution:" + stateMachineName + ":" + executionName, executionName,
                prefix + "stateMachine:" + stateMachineName, stateMachineName, roleArn, region, startTime, input,
                java.util.Optional.empty());
    }
}
