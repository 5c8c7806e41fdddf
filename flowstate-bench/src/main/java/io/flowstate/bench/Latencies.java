package io.flowstate.bench;

import java.util.Arrays;

/**
 * Sequential latency samples in milliseconds, ascending, and their nearest-rank percentiles: element
 * {@code ceil(p/100 * n) - 1} (0-based) of the sorted samples, as every driver computes them.
 */
public record Latencies(double[] sortedMillis) {
    public Latencies {
        if (sortedMillis.length == 0) {
            throw new IllegalArgumentException("no latency samples");
        }
        sortedMillis = sortedMillis.clone();
        Arrays.sort(sortedMillis);
    }

    /**
     * Runs {@code body} one execution at a time, {@code maxRuns} times, stopping early once {@code maxSeconds}
     * have passed (after at least one run). Each sample spans just before the start to the available result.
     */
    public static Latencies measure(ExecutionBody body, int maxRuns, double maxSeconds) throws Exception {
        double[] samples = new double[maxRuns];
        int n = 0;
        long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
        while (n < maxRuns && (n == 0 || System.nanoTime() < deadline)) {
            long t0 = System.nanoTime();
            body.runOnce();
            samples[n++] = (System.nanoTime() - t0) / 1e6;
        }
        return new Latencies(Arrays.copyOf(samples, n));
    }

    /** The number of samples. */
    public int count() {
        return sortedMillis.length;
    }

    /** The nearest-rank {@code p}-th percentile, 0 &lt; p &le; 100. */
    public double percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100 * sortedMillis.length) - 1;
        return sortedMillis[Math.max(0, rank)];
    }

    @Override
    public double[] sortedMillis() {
        return sortedMillis.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Latencies l && Arrays.equals(sortedMillis, l.sortedMillis);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sortedMillis);
    }

    @Override
    public String toString() {
        return "Latencies" + Arrays.toString(sortedMillis);
    }
}
