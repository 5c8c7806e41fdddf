package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

/**
 * An AWS API error as the Step Functions JSON protocol reports it: {@code {"__type": code, "message": message}}.
 *
 * @param code the AWS error code, for example {@code InvalidDefinition}
 * @param message the message exactly as AWS words it (ARNs with this suite's account and region are fine:
 *     the comparator normalises them)
 */
public record Rejection(String code, String message) {
    public Rejection {
        requireNonNull(code, "code is null");
        requireNonNull(message, "message is null");
    }
}
