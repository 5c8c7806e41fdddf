package io.flowstate.conformance;

import java.util.Optional;

/**
 * The engine hook of the conformance suite: the one interface an engine implements to be judged against the
 * recorded AWS corpus.
 *
 * <p>The suite finds an implementation through {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.flowstate.conformance.CaseExecutor} file on the test class path) or through the
 * system property {@code flowstate.conformance.executor} naming a class with a public no-argument constructor.
 * One instance runs every case, one case at a time; it must not keep state between cases that changes results.
 *
 * <p>Time: the corpus contains Waits, retry back-off, Lambda sleeps and task timeouts of up to a minute. An
 * implementation should run them on a testing clock so the suite never sleeps in real time; the harness
 * aborts a case that takes longer than {@code flowstate.conformance.timeoutSeconds} (default 60).
 */
public interface CaseExecutor {

    /**
     * Runs one execution to its end, as CreateStateMachine + StartExecution (or StartSyncExecution for
     * {@code EXPRESS}) + GetExecutionHistory would. Lambda ARN and name tokens in the definition and input have
     * been replaced already; {@link ExecutionRequest#lambdas()} holds the functions they name.
     *
     * @throws RuntimeException when the engine cannot run the case at all; the harness reports it as a failure
     */
    ExecutionResult execute(ExecutionRequest request);

    /**
     * The CreateStateMachine-time check of a definition.
     *
     * @param definition the definition text exactly as sent (it may be invalid JSON)
     * @param type {@code STANDARD} or {@code EXPRESS}
     * @return empty when AWS would accept the definition, else the AWS error code and message
     */
    Optional<Rejection> create(String definition, String type);

    /**
     * Whether {@link #execute} can run {@code EXPRESS} machines synchronously (StartSyncExecution). When false,
     * the suite reports {@code express_sync} cases as not applicable.
     */
    default boolean supportsExpressSync() {
        return false;
    }

    /**
     * Whether this executor serves the whole API, so the kinds that need more than CreateStateMachine and
     * StartExecution run too: {@code validate}, {@code test_state}, and rejections at StartExecution, TestState
     * and CreateStateMachine with further arguments ({@link #call}). When false, they are not applicable.
     */
    default boolean supportsApi() {
        return false;
    }

    /**
     * One API call of the kinds {@link #supportsApi()} covers; only called when it returns true.
     *
     * @throws UnsupportedOperationException by default
     */
    default ApiReply call(ApiCall call) {
        throw new UnsupportedOperationException("this executor does not serve the API");
    }
}
