package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.model.FailState;
import io.flowstate.asl.model.TextSource;
import java.util.Optional;

/** Fail: fails its machine with Error/Cause (literal, or from ErrorPath/CausePath). */
final class FailStep {
    private FailStep() {}

    static void enter(Run r, Fiber f, FailState s) {
        Optional<String> error = text(r, f, s.error(), "ErrorPath");
        Optional<String> cause = text(r, f, s.cause(), "CausePath");
        r.failFiber(f, new StateFailure(error.orElse(""), cause));
    }

    private static Optional<String> text(Run r, Fiber f, Optional<TextSource> source, String field) {
        if (source.isEmpty()) {
            return Optional.empty();
        }
        return switch (source.get()) {
            case TextSource.Literal l -> Optional.of(l.value());
            case TextSource.FromExpression e -> {
                JsonNode v = e.expression().evaluate(r.context(f, f.input), field);
                yield Optional.of(v.isTextual() ? v.asText() : io.flowstate.asl.json.Json.write(v));
            }
            case TextSource.FromJsonata j -> Optional.of(JsonataIo.text(j.expression(),
                    JsonataIo.bindings(r, f, f.input), field.replace("Path", "")));
        };
    }
}
