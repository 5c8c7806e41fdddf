package io.flowstate.lambda;

/**
 * Runs one function's invocations: in warm child processes ({@link ProcessRuntime}) or in this JVM
 * ({@link JavaRuntime}). Implementations are thread-safe; concurrent invocations run concurrently.
 */
sealed interface FunctionRuntime extends AutoCloseable permits ProcessRuntime, JavaRuntime {
    /** Runs one invocation to its end: a result, a function error, or a timeout. Never throws for the function. */
    InvokeResult invoke(Invocation invocation) throws InterruptedException;

    /** Stops the execution environments; invocations in flight end as if their environment died. */
    @Override
    void close();
}
