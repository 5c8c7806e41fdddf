package io.flowstate.api.service;

/**
 * Whether a CloudWatch Logs log group exists, for CreateStateMachine and UpdateStateMachine, which reject a
 * logging destination that does not ({@code InvalidLoggingConfiguration}). The server wires it to
 * DescribeLogGroups; {@link #ANY} (the default) accepts every group, for embedding and tests without
 * CloudWatch Logs. An implementation that cannot tell (the service is unreachable) answers true: a state
 * machine is not refused for a check that could not be made.
 */
@FunctionalInterface
public interface LogGroupCheck {
    /** Accepts every log group. */
    LogGroupCheck ANY = logGroupArn -> true;

    /** Whether the log group {@code logGroupArn} names exists. */
    boolean exists(String logGroupArn);
}
