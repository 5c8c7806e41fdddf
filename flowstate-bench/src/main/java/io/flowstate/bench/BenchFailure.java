package io.flowstate.bench;

/**
 * Why a benchmark run stopped before measuring or part-way: a definition that does not parse, an execution
 * that did not succeed, or an output that differs from {@code NAME.expected.json}. The driver prints the
 * message and exits non-zero, because a figure measured on wrong behaviour is worthless.
 */
public final class BenchFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}, which names the workload and what went wrong. */
    public BenchFailure(String message) {
        super(message);
    }
}
