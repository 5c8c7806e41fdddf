package io.flowstate.integrations.logs;

import io.flowstate.engine.history.EventType;

/**
 * A state machine's logging level ({@code loggingConfiguration.level}): which history events go to the log
 * group. FATAL logs the events that end an execution unsuccessfully; ERROR adds every failure, time-out and
 * abort of a state, task, Map Run or iteration, and {@code FailStateEntered} (as AWS's recorded logs show); ALL
 * logs every event; OFF none.
 */
public enum LogLevel {
    ALL, ERROR, FATAL, OFF;

    /** Whether this level logs events of {@code type}. */
    public boolean logs(EventType type) {
        return switch (this) {
            case ALL -> true;
            case OFF -> false;
            case FATAL -> fatal(type.awsName());
            case ERROR -> error(type.awsName());
        };
    }

    private static boolean fatal(String name) {
        return name.equals("ExecutionFailed") || name.equals("ExecutionTimedOut") || name.equals("ExecutionAborted");
    }

    private static boolean error(String name) {
        return name.equals("FailStateEntered") || name.endsWith("Failed") || name.endsWith("TimedOut")
                || name.endsWith("Aborted");
    }
}
