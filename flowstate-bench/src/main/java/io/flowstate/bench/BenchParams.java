package io.flowstate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The measurement parameters of {@code manifest.json} ({@code params}), durations in seconds, after scaling.
 * Scaling follows the peers exactly: every duration is multiplied, the latency run count is multiplied and
 * rounded but never below 5, concurrencies are unchanged.
 */
public record BenchParams(
        double warmupSeconds,
        int warmupConcurrency,
        int latencyRuns,
        double latencyMaxSeconds,
        double throughputSeconds,
        List<Integer> throughputConcurrency) {
    public BenchParams {
        if (warmupConcurrency < 1) {
            throw new IllegalArgumentException("warmupConcurrency must be at least 1: " + warmupConcurrency);
        }
        if (latencyRuns < 1) {
            throw new IllegalArgumentException("latencyRuns must be at least 1: " + latencyRuns);
        }
        throughputConcurrency = List.copyOf(throughputConcurrency);
        if (throughputConcurrency.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("every throughputConcurrency must be at least 1: " + throughputConcurrency);
        }
    }

    /** The manifest's {@code params} object, scaled by {@code scale} (1 for figures worth quoting). */
    public static BenchParams fromManifest(JsonNode params, double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("BENCH_SCALE must be a positive number: " + scale);
        }
        List<Integer> concurrency = new ArrayList<>();
        for (JsonNode c : required(params, "throughputConcurrency")) {
            concurrency.add(c.intValue());
        }
        return new BenchParams(
                required(params, "warmupSeconds").doubleValue() * scale,
                required(params, "warmupConcurrency").intValue(),
                Math.max(5, (int) Math.round(required(params, "latencyRuns").intValue() * scale)),
                required(params, "latencyMaxSeconds").doubleValue() * scale,
                required(params, "throughputSeconds").doubleValue() * scale,
                concurrency);
    }

    private static JsonNode required(JsonNode params, String field) {
        JsonNode v = params.path(field);
        if (v.isMissingNode() || v.isNull()) {
            throw new IllegalArgumentException("manifest.json: params." + field + " is missing");
        }
        return v;
    }
}
