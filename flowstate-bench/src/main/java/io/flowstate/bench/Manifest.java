package io.flowstate.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code workloads/manifest.json}: the workloads every driver runs, in order, and the measurement
 * parameters they share, already multiplied by the scale ({@code BENCH_SCALE}).
 */
public record Manifest(List<String> workloads, BenchParams params) {
    public Manifest {
        workloads = List.copyOf(workloads);
        requireNonNull(params, "params is null");
    }

    /** Reads {@code manifest.json} in {@code workloadsDir} and scales its parameters by {@code scale}. */
    public static Manifest read(Path workloadsDir, double scale) throws IOException {
        JsonNode root = Json.mapper().readTree(Files.readString(workloadsDir.resolve("manifest.json")));
        List<String> names = new ArrayList<>();
        for (JsonNode name : root.path("workloads")) {
            names.add(name.asText());
        }
        return new Manifest(names, BenchParams.fromManifest(root.path("params"), scale));
    }
}
