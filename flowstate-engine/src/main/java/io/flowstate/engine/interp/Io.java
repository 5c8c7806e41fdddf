package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.Path;
import io.flowstate.asl.expr.ResultPaths;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.IoSpec;

/** JSONPath-mode input and output processing: InputPath, Parameters, ResultSelector, ResultPath, OutputPath. */
final class Io {
    private Io() {}

    /** InputPath: {@code null} gives {@code {}}. */
    static JsonNode inputPath(Run r, Fiber f, IoSpec io, JsonNode raw) {
        if (io.inputPath().isEmpty()) {
            return Json.object();
        }
        Path p = io.inputPath().get();
        return isRoot(p) ? raw : p.read(r.context(f, raw));
    }

    /** Parameters, when present, evaluated on the effective input. */
    static JsonNode parameters(Run r, Fiber f, IoSpec io, JsonNode effective) {
        return io.parameters().isPresent() ? io.parameters().get().evaluate(r.context(f, effective)) : effective;
    }

    /** ResultSelector, when present, evaluated on the raw result. */
    static JsonNode resultSelector(Run r, Fiber f, IoSpec io, JsonNode result) {
        return io.resultSelector().isPresent() ? io.resultSelector().get().evaluate(r.context(f, result)) : result;
    }

    /** ResultPath: where the result goes in the state's raw input; {@code null} keeps the input as it was. */
    static JsonNode resultPath(IoSpec io, JsonNode raw, JsonNode result) {
        if (io.resultPath().isEmpty()) {
            return raw;
        }
        Path p = io.resultPath().get();
        return isRoot(p) ? result : ResultPaths.merge(p, raw, result);
    }

    /** OutputPath: {@code null} gives {@code {}}. */
    static JsonNode outputPath(Run r, Fiber f, IoSpec io, JsonNode value) {
        if (io.outputPath().isEmpty()) {
            return Json.object();
        }
        Path p = io.outputPath().get();
        return isRoot(p) ? value : p.read(r.context(f, value));
    }

    static boolean isRoot(Path p) {
        return p.isWholeInput();
    }
}
