package io.flowstate.engine.interp;

import java.util.List;

/** ASL's predefined error names and AWS's matching rules for Retry and Catch. */
public final class ErrorNames {
    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String RUNTIME = "States.Runtime";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String EXCEEDS_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
    public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
    public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

    private ErrorNames() {}

    /**
     * Whether {@code errorEquals} (one Retrier's or Catcher's list) covers {@code error}. {@code States.ALL}
     * matches everything but {@code States.Runtime}; AWS's documentation says it also skips
     * {@code States.DataLimitExceeded}, but the service (as recorded in the conformance corpus) catches it.
     * {@code States.TaskFailed} matches any task failure except a timeout.
     */
    public static boolean matches(List<String> errorEquals, StateFailure failure) {
        String error = failure.error();
        for (String name : errorEquals) {
            if (failure.heartbeat() && name.equals(HEARTBEAT_TIMEOUT)) {
                return true;
            }
            if (name.equals(error)) {
                return true;
            }
            if (name.equals(ALL) && !error.equals(RUNTIME)) {
                return true;
            }
            if (name.equals(TASK_FAILED) && !error.equals(TIMEOUT) && !error.equals(HEARTBEAT_TIMEOUT)
                    && !error.equals(RUNTIME) && !error.equals(DATA_LIMIT_EXCEEDED)) {
                return true;
            }
        }
        return false;
    }
}
