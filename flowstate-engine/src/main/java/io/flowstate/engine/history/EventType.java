package io.flowstate.engine.history;

import java.util.Optional;

/**
 * AWS Step Functions' history event types ({@code HistoryEventType}), each with the JSON key of its details
 * object in GetExecutionHistory ({@code stateEnteredEventDetails}, ...), or none.
 */
public enum EventType {
    ACTIVITY_FAILED("ActivityFailed", "activityFailedEventDetails"),
    ACTIVITY_SCHEDULED("ActivityScheduled", "activityScheduledEventDetails"),
    ACTIVITY_SCHEDULE_FAILED("ActivityScheduleFailed", "activityScheduleFailedEventDetails"),
    ACTIVITY_STARTED("ActivityStarted", "activityStartedEventDetails"),
    ACTIVITY_SUCCEEDED("ActivitySucceeded", "activitySucceededEventDetails"),
    ACTIVITY_TIMED_OUT("ActivityTimedOut", "activityTimedOutEventDetails"),
    CHOICE_STATE_ENTERED("ChoiceStateEntered", "stateEnteredEventDetails"),
    CHOICE_STATE_EXITED("ChoiceStateExited", "stateExitedEventDetails"),
    EVALUATION_FAILED("EvaluationFailed", "evaluationFailedEventDetails"),
    EXECUTION_ABORTED("ExecutionAborted", "executionAbortedEventDetails"),
    EXECUTION_FAILED("ExecutionFailed", "executionFailedEventDetails"),
    EXECUTION_REDRIVEN("ExecutionRedriven", "executionRedrivenEventDetails"),
    EXECUTION_STARTED("ExecutionStarted", "executionStartedEventDetails"),
    EXECUTION_SUCCEEDED("ExecutionSucceeded", "executionSucceededEventDetails"),
    EXECUTION_TIMED_OUT("ExecutionTimedOut", "executionTimedOutEventDetails"),
    FAIL_STATE_ENTERED("FailStateEntered", "stateEnteredEventDetails"),
    LAMBDA_FUNCTION_FAILED("LambdaFunctionFailed", "lambdaFunctionFailedEventDetails"),
    LAMBDA_FUNCTION_SCHEDULED("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails"),
    LAMBDA_FUNCTION_SCHEDULE_FAILED("LambdaFunctionScheduleFailed", "lambdaFunctionScheduleFailedEventDetails"),
    LAMBDA_FUNCTION_STARTED("LambdaFunctionStarted", null),
    LAMBDA_FUNCTION_START_FAILED("LambdaFunctionStartFailed", "lambdaFunctionStartFailedEventDetails"),
    LAMBDA_FUNCTION_SUCCEEDED("LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails"),
    LAMBDA_FUNCTION_TIMED_OUT("LambdaFunctionTimedOut", "lambdaFunctionTimedOutEventDetails"),
    MAP_ITERATION_ABORTED("MapIterationAborted", "mapIterationAbortedEventDetails"),
    MAP_ITERATION_FAILED("MapIterationFailed", "mapIterationFailedEventDetails"),
    MAP_ITERATION_STARTED("MapIterationStarted", "mapIterationStartedEventDetails"),
    MAP_ITERATION_SUCCEEDED("MapIterationSucceeded", "mapIterationSucceededEventDetails"),
    MAP_RUN_ABORTED("MapRunAborted", null),
    MAP_RUN_FAILED("MapRunFailed", "mapRunFailedEventDetails"),
    MAP_RUN_REDRIVEN("MapRunRedriven", "mapRunRedrivenEventDetails"),
    MAP_RUN_STARTED("MapRunStarted", "mapRunStartedEventDetails"),
    MAP_RUN_SUCCEEDED("MapRunSucceeded", null),
    MAP_STATE_ABORTED("MapStateAborted", null),
    MAP_STATE_ENTERED("MapStateEntered", "stateEnteredEventDetails"),
    MAP_STATE_EXITED("MapStateExited", "stateExitedEventDetails"),
    MAP_STATE_FAILED("MapStateFailed", null),
    MAP_STATE_STARTED("MapStateStarted", "mapStateStartedEventDetails"),
    MAP_STATE_SUCCEEDED("MapStateSucceeded", null),
    PARALLEL_STATE_ABORTED("ParallelStateAborted", null),
    PARALLEL_STATE_ENTERED("ParallelStateEntered", "stateEnteredEventDetails"),
    PARALLEL_STATE_EXITED("ParallelStateExited", "stateExitedEventDetails"),
    PARALLEL_STATE_FAILED("ParallelStateFailed", null),
    PARALLEL_STATE_STARTED("ParallelStateStarted", null),
    PARALLEL_STATE_SUCCEEDED("ParallelStateSucceeded", null),
    PASS_STATE_ENTERED("PassStateEntered", "stateEnteredEventDetails"),
    PASS_STATE_EXITED("PassStateExited", "stateExitedEventDetails"),
    SUCCEED_STATE_ENTERED("SucceedStateEntered", "stateEnteredEventDetails"),
    SUCCEED_STATE_EXITED("SucceedStateExited", "stateExitedEventDetails"),
    TASK_FAILED("TaskFailed", "taskFailedEventDetails"),
    TASK_SCHEDULED("TaskScheduled", "taskScheduledEventDetails"),
    TASK_STARTED("TaskStarted", "taskStartedEventDetails"),
    TASK_START_FAILED("TaskStartFailed", "taskStartFailedEventDetails"),
    TASK_STATE_ABORTED("TaskStateAborted", null),
    TASK_STATE_ENTERED("TaskStateEntered", "stateEnteredEventDetails"),
    TASK_STATE_EXITED("TaskStateExited", "stateExitedEventDetails"),
    TASK_SUBMIT_FAILED("TaskSubmitFailed", "taskSubmitFailedEventDetails"),
    TASK_SUBMITTED("TaskSubmitted", "taskSubmittedEventDetails"),
    TASK_SUCCEEDED("TaskSucceeded", "taskSucceededEventDetails"),
    TASK_TIMED_OUT("TaskTimedOut", "taskTimedOutEventDetails"),
    WAIT_STATE_ABORTED("WaitStateAborted", null),
    WAIT_STATE_ENTERED("WaitStateEntered", "stateEnteredEventDetails"),
    WAIT_STATE_EXITED("WaitStateExited", "stateExitedEventDetails");

    private final String awsName;
    private final String detailsKey;

    EventType(String awsName, String detailsKey) {
        this.awsName = awsName;
        this.detailsKey = detailsKey;
    }

    /** The type as AWS spells it, e.g. {@code PassStateEntered}. */
    public String awsName() {
        return awsName;
    }

    /** The JSON key of this type's details in GetExecutionHistory, empty for types without details. */
    public Optional<String> detailsKey() {
        return Optional.ofNullable(detailsKey);
    }

    /** The {@code <Type>StateEntered} event of a state type such as {@code Pass}. */
    public static EventType stateEntered(String stateType) {
        return switch (stateType) {
            case "Pass" -> PASS_STATE_ENTERED;
            case "Task" -> TASK_STATE_ENTERED;
            case "Choice" -> CHOICE_STATE_ENTERED;
            case "Wait" -> WAIT_STATE_ENTERED;
            case "Succeed" -> SUCCEED_STATE_ENTERED;
            case "Fail" -> FAIL_STATE_ENTERED;
            case "Parallel" -> PARALLEL_STATE_ENTERED;
            case "Map" -> MAP_STATE_ENTERED;
            default -> throw new IllegalArgumentException("no state type " + stateType);
        };
    }

    /** The {@code <Type>StateExited} event of a state type; Fail has none. */
    public static EventType stateExited(String stateType) {
        return switch (stateType) {
            case "Pass" -> PASS_STATE_EXITED;
            case "Task" -> TASK_STATE_EXITED;
            case "Choice" -> CHOICE_STATE_EXITED;
            case "Wait" -> WAIT_STATE_EXITED;
            case "Succeed" -> SUCCEED_STATE_EXITED;
            case "Parallel" -> PARALLEL_STATE_EXITED;
            case "Map" -> MAP_STATE_EXITED;
            default -> throw new IllegalArgumentException("no Exited event for state type " + stateType);
        };
    }
}
