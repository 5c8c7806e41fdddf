package io.flowstate.api.service;

import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.runtime.ExecutionSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** AWS's rules for RedriveExecution, each with the reason DescribeExecution and the refusal give when it fails. */
final class Redrivability {
    /** AWS redrives executions that ended in the last 14 days. */
    private static final Duration REDRIVABLE_PERIOD = Duration.ofDays(14);
    /** A Standard execution runs for a year at most; one started longer ago cannot run on. */
    private static final Duration MAX_EXECUTION_TIME = Duration.ofDays(365);
    /** AWS's history quota: a redrive needs room for at least its own event. */
    private static final long MAX_HISTORY_EVENTS = 25_000;

    private Redrivability() {}

    /**
     * Why {@code s} cannot be redriven at {@code now}, or empty when it can; {@code hasDefinition} whether the
     * definition it ran was kept, {@code machineExists} whether its state machine still exists.
     */
    static Optional<String> notRedrivable(ExecutionSummary s, boolean hasDefinition, boolean machineExists,
            Instant now) {
        if (!machineExists) {
            // AWS keeps a deleted machine DELETING while its executions remain.
            return Optional.of("State machine is in DELETING status");
        }
        if (s.status() == ExecutionStatus.RUNNING || s.status() == ExecutionStatus.SUCCEEDED) {
            return Optional.of("Execution is " + s.status().name() + " and cannot be redriven");
        }
        if (!hasDefinition) {
            // Without the definition it ran (kept in the metadata) there is nothing to redrive it with.
            return Optional.of("Execution was started before the launch of RedriveExecution");
        }
        if (s.stopDate().isPresent() && s.stopDate().get().plus(REDRIVABLE_PERIOD).isBefore(now)) {
            return Optional.of("Execution redrivable period exceeded");
        }
        if (s.startDate().plus(MAX_EXECUTION_TIME).isBefore(now)) {
            return Optional.of("Execution has exceeded the max execution time");
        }
        if (s.lastEventId() >= MAX_HISTORY_EVENTS - 1) {
            return Optional.of("Execution history event limit exceeded");
        }
        return Optional.empty();
    }
}
