package io.flowstate.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.asl.parse.Diagnostic;
import io.flowstate.asl.parse.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * One shared workload, read from {@code NAME.asl.json}, {@code NAME.input.json} and {@code NAME.expected.json}
 * as they are (no per-engine copies), parsed and validated once, outside every timing. The input tree is shared
 * by all executions, so the engine must not modify it; the driver checks that it did not.
 */
public record Workload(String name, String definition, StateMachine machine, JsonNode input, JsonNode expected) {
    public Workload {
        requireNonNull(name, "name is null");
        requireNonNull(definition, "definition is null");
        requireNonNull(machine, "machine is null");
        requireNonNull(input, "input is null");
        requireNonNull(expected, "expected is null");
    }

    /** Loads workload {@code name} from {@code workloadsDir}; {@link BenchFailure} when its definition is invalid. */
    public static Workload load(Path workloadsDir, String name) throws IOException, BenchFailure {
        if (JsonataTwins.isTwin(name)) {
            return loadTwin(workloadsDir, name);
        }
        String definition = Files.readString(workloadsDir.resolve(name + ".asl.json"));
        ParseResult parsed = AslParser.parse(definition);
        StateMachine machine = parsed.machine().orElseThrow(() -> new BenchFailure(name
                + ": the definition is invalid for Flowstate: " + parsed.errors().stream()
                        .map(Workload::describe).collect(Collectors.joining("; "))));
        JsonNode input = Json.parse(Files.readString(workloadsDir.resolve(name + ".input.json")));
        JsonNode expected = Json.parse(Files.readString(workloadsDir.resolve(name + ".expected.json")));
        return new Workload(name, definition, machine, input, expected);
    }

    /** A JSONata twin: its definition ships with Flowstate; input and expected output are its base workload's. */
    private static Workload loadTwin(Path workloadsDir, String name) throws IOException, BenchFailure {
        String base = JsonataTwins.base(name);
        String definition = JsonataTwins.definition(name);
        ParseResult parsed = AslParser.parse(definition);
        StateMachine machine = parsed.machine().orElseThrow(() -> new BenchFailure(name
                + ": the twin definition is invalid: " + parsed.errors().stream()
                        .map(Workload::describe).collect(Collectors.joining("; "))));
        JsonNode input = Json.parse(Files.readString(workloadsDir.resolve(base + ".input.json")));
        JsonNode expected = Json.parse(Files.readString(workloadsDir.resolve(base + ".expected.json")));
        return new Workload(name, definition, machine, input, expected);
    }

    private static String describe(Diagnostic d) {
        return d.code() + d.location().map(l -> " at " + l).orElse("") + ": " + d.message();
    }
}
