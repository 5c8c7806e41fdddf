package io.flowstate.engine.history;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * The details of a history event. The set is closed and mirrors AWS's {@code *EventDetails} shapes; several
 * event types share one shape (every {@code *StateEntered} has {@link StateEntered}). Payloads are JSON trees;
 * {@link HistoryJson} writes them as the JSON strings GetExecutionHistory returns.
 */
public sealed interface EventDetails {
    /** Events without details ({@code LambdaFunctionStarted}, {@code MapStateSucceeded}, ...). */
    record None() implements EventDetails {}

    /** The single {@link None}. */
    EventDetails NONE = new None();

    /** {@code executionStartedEventDetails}. */
    record ExecutionStarted(JsonNode input, String roleArn, Optional<String> stateMachineAliasArn,
            Optional<String> stateMachineVersionArn) implements EventDetails {
        public ExecutionStarted {
            requireNonNull(input, "input is null");
            requireNonNull(roleArn, "roleArn is null");
            requireNonNull(stateMachineAliasArn, "stateMachineAliasArn is null");
            requireNonNull(stateMachineVersionArn, "stateMachineVersionArn is null");
        }
    }

    /** {@code executionSucceeded}, {@code lambdaFunctionSucceeded}, {@code activitySucceeded}: an output payload. */
    record Output(JsonNode output) implements EventDetails {
        public Output {
            requireNonNull(output, "output is null");
        }
    }

    /** Failure details: error and cause, each optional as in AWS ({@code executionFailed}, {@code lambdaFunctionFailed}, ...). */
    record Failure(Optional<String> error, Optional<String> cause) implements EventDetails {
        public Failure {
            requireNonNull(error, "error is null");
            requireNonNull(cause, "cause is null");
        }

        /** Both present. */
        public static Failure of(String error, String cause) {
            return new Failure(Optional.ofNullable(error), Optional.ofNullable(cause));
        }
    }

    /** {@code stateEnteredEventDetails}. */
    record StateEntered(String name, JsonNode input) implements EventDetails {
        public StateEntered {
            requireNonNull(name, "name is null");
            requireNonNull(input, "input is null");
        }
    }

    /** {@code stateExitedEventDetails}; {@code assignedVariables} present when the state assigned any. */
    record StateExited(String name, JsonNode output, Optional<Map<String, JsonNode>> assignedVariables)
            implements EventDetails {
        public StateExited {
            requireNonNull(name, "name is null");
            requireNonNull(output, "output is null");
            requireNonNull(assignedVariables, "assignedVariables is null");
        }
    }

    /** {@code taskScheduledEventDetails}. */
    record TaskScheduled(String resourceType, String resource, String region, JsonNode parameters,
            Optional<Long> timeoutInSeconds, Optional<Long> heartbeatInSeconds, Optional<String> roleArn)
            implements EventDetails {
        public TaskScheduled {
            requireNonNull(resourceType, "resourceType is null");
            requireNonNull(resource, "resource is null");
            requireNonNull(region, "region is null");
            requireNonNull(parameters, "parameters is null");
            requireNonNull(timeoutInSeconds, "timeoutInSeconds is null");
            requireNonNull(heartbeatInSeconds, "heartbeatInSeconds is null");
            requireNonNull(roleArn, "roleArn is null");
        }

        /** Without task credentials. */
        public TaskScheduled(String resourceType, String resource, String region, JsonNode parameters,
                Optional<Long> timeoutInSeconds, Optional<Long> heartbeatInSeconds) {
            this(resourceType, resource, region, parameters, timeoutInSeconds, heartbeatInSeconds, Optional.empty());
        }
    }

    /** {@code taskStartedEventDetails}. */
    record TaskStarted(String resourceType, String resource) implements EventDetails {
        public TaskStarted {
            requireNonNull(resourceType, "resourceType is null");
            requireNonNull(resource, "resource is null");
        }
    }

    /** {@code taskSucceededEventDetails} and {@code taskSubmittedEventDetails}. */
    record TaskOutput(String resourceType, String resource, JsonNode output) implements EventDetails {
        public TaskOutput {
            requireNonNull(resourceType, "resourceType is null");
            requireNonNull(resource, "resource is null");
            requireNonNull(output, "output is null");
        }
    }

    /** {@code taskFailed}, {@code taskTimedOut}, {@code taskStartFailed}, {@code taskSubmitFailed} details. */
    record TaskFailure(String resourceType, String resource, Optional<String> error, Optional<String> cause)
            implements EventDetails {
        public TaskFailure {
            requireNonNull(resourceType, "resourceType is null");
            requireNonNull(resource, "resource is null");
            requireNonNull(error, "error is null");
            requireNonNull(cause, "cause is null");
        }
    }

    /** {@code lambdaFunctionScheduledEventDetails} and {@code activityScheduledEventDetails}. */
    record Scheduled(String resource, JsonNode input, Optional<Long> timeoutInSeconds,
            Optional<Long> heartbeatInSeconds, Optional<String> roleArn) implements EventDetails {
        public Scheduled {
            requireNonNull(resource, "resource is null");
            requireNonNull(input, "input is null");
            requireNonNull(timeoutInSeconds, "timeoutInSeconds is null");
            requireNonNull(heartbeatInSeconds, "heartbeatInSeconds is null");
            requireNonNull(roleArn, "roleArn is null");
        }

        /** Without task credentials. */
        public Scheduled(String resource, JsonNode input, Optional<Long> timeoutInSeconds,
                Optional<Long> heartbeatInSeconds) {
            this(resource, input, timeoutInSeconds, heartbeatInSeconds, Optional.empty());
        }
    }

    /** {@code activityStartedEventDetails}. */
    record ActivityStarted(Optional<String> workerName) implements EventDetails {
        public ActivityStarted {
            requireNonNull(workerName, "workerName is null");
        }
    }

    /** {@code mapStateStartedEventDetails}. */
    record MapStateStarted(int length) implements EventDetails {}

    /** {@code mapIteration*EventDetails}: the Map state's name and the iteration's index. */
    record MapIteration(String name, int index) implements EventDetails {
        public MapIteration {
            requireNonNull(name, "name is null");
        }
    }

    /** {@code mapRunStartedEventDetails}. */
    record MapRunStarted(String mapRunArn) implements EventDetails {
        public MapRunStarted {
            requireNonNull(mapRunArn, "mapRunArn is null");
        }
    }

    /** {@code executionRedrivenEventDetails} and {@code mapRunRedrivenEventDetails}. */
    record Redriven(Optional<String> mapRunArn, int redriveCount) implements EventDetails {
        public Redriven {
            requireNonNull(mapRunArn, "mapRunArn is null");
        }
    }

    /** {@code evaluationFailedEventDetails}. */
    record EvaluationFailed(String error, String cause, Optional<String> location, String state)
            implements EventDetails {
        public EvaluationFailed {
            requireNonNull(error, "error is null");
            requireNonNull(cause, "cause is null");
            requireNonNull(location, "location is null");
            requireNonNull(state, "state is null");
        }
    }
}
