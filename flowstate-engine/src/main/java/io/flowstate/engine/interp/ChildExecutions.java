package io.flowstate.engine.interp;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The identities of a Distributed Map run's child executions, in AWS's shapes: the run
 * {@code arn:aws:states:R:A:mapRun:MACHINE/LABEL:RUN} has children
 * {@code arn:aws:states:R:A:execution:MACHINE/LABEL:NAME} of the state machine
 * {@code arn:aws:states:R:A:stateMachine:MACHINE/LABEL}. NAME is a UUID, stable per run and item index, so that
 * the same child has the same ARN however often it is looked at, and across restarts.
 */
public final class ChildExecutions {
    private ChildExecutions() {}

    /** The child execution's name for item {@code index} of the run. */
    public static String name(String mapRunArn, int index) {
        return UUID.nameUUIDFromBytes((mapRunArn + "#" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The child execution's ARN for item {@code index} of the run. */
    public static String arn(String mapRunArn, int index) {
        return prefix(mapRunArn) + name(mapRunArn, index);
    }

    /** What every child execution ARN of the run starts with ({@code ...:execution:MACHINE/LABEL:}). */
    public static String prefix(String mapRunArn) {
        return base(mapRunArn).replace(":mapRun:", ":execution:") + ":";
    }

    /** The children's state machine ARN ({@code ...:stateMachine:MACHINE/LABEL}). */
    public static String stateMachineArn(String mapRunArn) {
        return base(mapRunArn).replace(":mapRun:", ":stateMachine:");
    }

    private static String base(String mapRunArn) {
        return mapRunArn.substring(0, mapRunArn.lastIndexOf(':'));
    }
}
