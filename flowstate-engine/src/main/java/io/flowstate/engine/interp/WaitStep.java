package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.EvaluationException;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.jsonata.JsonataBindings;
import io.flowstate.asl.model.IntSource;
import io.flowstate.asl.model.TextSource;
import io.flowstate.asl.model.WaitSpec;
import io.flowstate.asl.model.WaitState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** Wait: a durable timer until {@code Seconds} from now or until {@code Timestamp}; never sleeps. */
final class WaitStep {
    private WaitStep() {}

    static void enter(Run r, Fiber f, WaitState s) {
        JsonNode effective = Run.jsonata(s) ? f.input : Io.inputPath(r, f, s.io(), f.input);
        f.effectiveInput = effective;
        Instant due = switch (s.spec()) {
            case WaitSpec.Seconds sec -> r.now.plusSeconds(seconds(r, f, sec.seconds(), effective));
            case WaitSpec.Timestamp ts -> timestamp(r, f, ts.timestamp(), effective);
        };
        if (!due.isAfter(r.now)) {
            finish(r, f, s);
            return;
        }
        f.phase = Fiber.Phase.AWAIT_TIMER;
        f.pendingTimerId = r.startTimer(due, Execution.TimerKind.WAIT, f, -1);
    }

    static void finish(Run r, Fiber f, WaitState s) {
        if (Run.jsonata(s)) {
            JsonataBindings b = JsonataIo.bindings(r, f, f.input);
            Map<String, JsonNode> assigned = JsonataIo.assign(s.common().assign(), b, "Assign");
            JsonNode output = JsonataIo.output(s, b, f.input);
            r.applyAssign(f, assigned);
            r.exit(f, s, output, assigned, s.transition());
            return;
        }
        JsonNode output = Io.outputPath(r, f, s.io(), f.effectiveInput);
        Map<String, JsonNode> assigned = r.assign(f, s.common().assign(), f.effectiveInput);
        r.exit(f, s, output, assigned, s.transition());
    }

    private static long seconds(Run r, Fiber f, IntSource source, JsonNode effective) {
        return switch (source) {
            case IntSource.Literal l -> l.value();
            case IntSource.FromPath p -> {
                // A path that selects nothing has its own message (recorded: logs.base-wait_seconds_path).
                JsonNode v = p.path().find(r.context(f, effective)).orElseThrow(() -> new EvaluationException(
                        ErrorNames.RUNTIME, "The SecondsPath parameter does not reference an input value: "
                                + p.path().text()));
                String shown = p.path().text() + " == " + Json.write(v);
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw new EvaluationException(ErrorNames.RUNTIME,
                            "The SecondsPath parameter cannot be parsed as a long value: " + shown);
                }
                if (v.longValue() < 0) {
                    throw new EvaluationException(ErrorNames.RUNTIME,
                            "The SecondsPath parameter references a negative value: " + shown);
                }
                yield v.longValue();
            }
            case IntSource.FromJsonata j -> {
                long seconds = JsonataIo.integer(j.expression(), JsonataIo.bindings(r, f, effective), "Seconds");
                if (seconds < 0) {
                    throw new EvaluationException(ErrorNames.QUERY_EVALUATION_ERROR,
                            "The Seconds field references a negative value: " + seconds, Optional.of("Seconds"));
                }
                yield seconds;
            }
        };
    }

    private static Instant timestamp(Run r, Fiber f, TextSource source, JsonNode effective) {
        return switch (source) {
            case TextSource.Literal l -> parse(l.value()).orElseThrow(() -> new EvaluationException(
                    ErrorNames.RUNTIME, "The Timestamp field is not a valid ISO-8601 timestamp: " + l.value()));
            case TextSource.FromExpression e -> {
                JsonNode v = e.expression().evaluate(r.context(f, effective));
                yield (v.isTextual() ? parse(v.textValue()) : java.util.Optional.<Instant>empty())
                        .orElseThrow(() -> new EvaluationException(ErrorNames.RUNTIME,
                                "The TimestampPath parameter does not reference a valid ISO-8601 extended offset "
                                        + "date-time format string: " + e.expression().text() + " == "
                                        + (v.isTextual() ? v.textValue() : Json.write(v))));
            }
            case TextSource.FromJsonata j -> {
                String text = JsonataIo.text(j.expression(), JsonataIo.bindings(r, f, effective), "Timestamp");
                yield parse(text).orElseThrow(() -> new EvaluationException(ErrorNames.QUERY_EVALUATION_ERROR,
                        "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: "
                                + text, Optional.of("Timestamp")));
            }
        };
    }

    /** AWS accepts RFC 3339 date-times with an offset or {@code Z}, seconds required. */
    static java.util.Optional<Instant> parse(String text) {
        if (text.length() < 20 || text.charAt(10) != 'T') {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
