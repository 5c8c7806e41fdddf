package io.flowstate.testing.assertions;

import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.testing.TestExecution;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on how a {@link TestExecution} stands: its status, where it waits, and the error and cause it ended
 * with. Failure messages say where the execution is and why it ended, so a wrong path shows itself without a
 * debugger. See {@link ExecutionAssert}, which adds output, path and history assertions.
 *
 * @param <SELF> the concrete assertion type, returned by every method
 */
public abstract class AbstractExecutionAssert<SELF extends AbstractExecutionAssert<SELF>>
        extends AbstractAssert<SELF, TestExecution> {
    protected AbstractExecutionAssert(TestExecution actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Status SUCCEEDED. */
    public SELF succeeded() {
        return hasStatus(ExecutionStatus.SUCCEEDED);
    }

    /** Status FAILED. */
    public SELF failed() {
        return hasStatus(ExecutionStatus.FAILED);
    }

    /** Status TIMED_OUT (the machine's {@code TimeoutSeconds}). */
    public SELF timedOut() {
        return hasStatus(ExecutionStatus.TIMED_OUT);
    }

    /** Status ABORTED (stopped). */
    public SELF aborted() {
        return hasStatus(ExecutionStatus.ABORTED);
    }

    /** Status RUNNING: it waits for time or for the test. */
    public SELF isRunning() {
        return hasStatus(ExecutionStatus.RUNNING);
    }

    /** Status {@code expected}. */
    public SELF hasStatus(ExecutionStatus expected) {
        isNotNull();
        if (actual.status() != expected) {
            failWithMessage("expected execution %s to be %s but it is %s%s", actual.name(), expected,
                    actual.status(), Describe.whereAndWhy(actual));
        }
        return myself;
    }

    /** Still running, and waiting in (at least) the state {@code stateName}. */
    public SELF isWaitingIn(String stateName) {
        isRunning();
        if (!actual.currentStates().contains(stateName)) {
            failWithMessage("expected execution %s to wait in state '%s' but it is in %s", actual.name(), stateName,
                    actual.currentStates());
        }
        return myself;
    }

    /** The error name is {@code expected}. */
    public SELF hasError(String expected) {
        isNotNull();
        if (!actual.error().equals(Optional.of(expected))) {
            failWithMessage("expected execution %s to end with error '%s' but %s", actual.name(), expected,
                    actual.error().map(e -> "it is '" + e + "'").orElse("it has none") + Describe.whereAndWhy(actual));
        }
        return myself;
    }

    /** The cause is {@code expected}. */
    public SELF hasCause(String expected) {
        isNotNull();
        if (!actual.cause().equals(Optional.of(expected))) {
            failWithActualExpectedAndMessage(actual.cause().orElse(null), expected,
                    "cause of execution %s differs" + Describe.DIFF, actual.name(), expected,
                    actual.cause().orElse("(none)"));
        }
        return myself;
    }

    /** The cause contains {@code part}. */
    public SELF hasCauseContaining(String part) {
        isNotNull();
        if (!actual.cause().map(c -> c.contains(part)).orElse(false)) {
            failWithMessage("expected the cause of execution %s to contain '%s' but it is %s", actual.name(), part,
                    actual.cause().map(c -> "'" + c + "'").orElse("absent"));
        }
        return myself;
    }
}
