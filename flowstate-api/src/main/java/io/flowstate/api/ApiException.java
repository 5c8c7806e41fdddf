package io.flowstate.api;

import static java.util.Objects.requireNonNull;

/**
 * Every error the Step Functions API answers, one subclass per AWS error code. The protocol writes each as
 * HTTP 400 {@code {"__type": code, "message": ...}} in one place; anything that is not an {@code ApiException}
 * is a server fault (500, logged with its request id). The simple class name is the AWS code, so a new code is
 * one line here and nothing else.
 */
public abstract sealed class ApiException extends RuntimeException {
    private ApiException(String message) {
        super(requireNonNull(message, "message is null"), null, false, false);
    }

    /** The AWS error code ({@code __type}). */
    public String code() {
        return getClass().getSimpleName();
    }

    /** The HTTP status AWS answers with. */
    public int httpStatus() {
        return 400;
    }

    public static final class UnknownOperationException extends ApiException {
        public UnknownOperationException(String m) { super(m); }
    }

    public static final class SerializationException extends ApiException {
        public SerializationException(String m) { super(m); }
    }

    public static final class ValidationException extends ApiException {
        public ValidationException(String m) { super(m); }
    }

    public static final class MissingRequiredParameter extends ApiException {
        public MissingRequiredParameter(String m) { super(m); }
    }

    public static final class InvalidArn extends ApiException {
        public InvalidArn(String m) { super(m); }
    }

    public static final class InvalidName extends ApiException {
        public InvalidName(String m) { super(m); }
    }

    public static final class InvalidDefinition extends ApiException {
        public InvalidDefinition(String m) { super(m); }
    }

    public static final class InvalidExecutionInput extends ApiException {
        public InvalidExecutionInput(String m) { super(m); }
    }

    public static final class InvalidOutput extends ApiException {
        public InvalidOutput(String m) { super(m); }
    }

    public static final class InvalidToken extends ApiException {
        public InvalidToken(String m) { super(m); }
    }

    public static final class InvalidLoggingConfiguration extends ApiException {
        public InvalidLoggingConfiguration(String m) { super(m); }
    }

    public static final class InvalidTracingConfiguration extends ApiException {
        public InvalidTracingConfiguration(String m) { super(m); }
    }

    public static final class StateMachineDoesNotExist extends ApiException {
        public StateMachineDoesNotExist(String m) { super(m); }
    }

    public static final class StateMachineAlreadyExists extends ApiException {
        public StateMachineAlreadyExists(String m) { super(m); }
    }

    public static final class StateMachineDeleting extends ApiException {
        public StateMachineDeleting(String m) { super(m); }
    }

    public static final class StateMachineTypeNotSupported extends ApiException {
        public StateMachineTypeNotSupported(String m) { super(m); }
    }

    public static final class ExecutionDoesNotExist extends ApiException {
        public ExecutionDoesNotExist(String m) { super(m); }
    }

    public static final class ExecutionAlreadyExists extends ApiException {
        public ExecutionAlreadyExists(String m) { super(m); }
    }

    public static final class ExecutionNotRedrivable extends ApiException {
        public ExecutionNotRedrivable(String m) { super(m); }
    }

    public static final class ActivityDoesNotExist extends ApiException {
        public ActivityDoesNotExist(String m) { super(m); }
    }

    public static final class ActivityAlreadyExists extends ApiException {
        public ActivityAlreadyExists(String m) { super(m); }
    }

    public static final class TaskDoesNotExist extends ApiException {
        public TaskDoesNotExist(String m) { super(m); }
    }

    public static final class TaskTimedOut extends ApiException {
        public TaskTimedOut(String m) { super(m); }
    }

    public static final class ResourceNotFound extends ApiException {
        public ResourceNotFound(String m) { super(m); }
    }

    public static final class TooManyTags extends ApiException {
        public TooManyTags(String m) { super(m); }
    }

    public static final class ConflictException extends ApiException {
        public ConflictException(String m) { super(m); }
    }

    public static final class ServiceQuotaExceededException extends ApiException {
        public ServiceQuotaExceededException(String m) { super(m); }
    }

    /** A policy ({@code --policies}) does not let the caller do this; raised where a check is not the API's own. */
    public static final class AccessDeniedException extends ApiException {
        public AccessDeniedException(String m) { super(m); }
    }

    /** An operation of the API model that Flowstate does not serve yet (AWS's code for a disabled feature). */
    public static final class UnsupportedOperation extends ApiException {
        public UnsupportedOperation(String m) { super(m); }
    }
}
