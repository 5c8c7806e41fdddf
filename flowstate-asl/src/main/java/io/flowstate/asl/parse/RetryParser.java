package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.model.Retrier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code Retry}: a list of retriers, with AWS's defaults (1 s, 3 attempts, rate 2.0, no jitter) and ranges. */
final class RetryParser {
    private static final Set<String> FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate",
            "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final long MAX = 99_999_999L;
    /** MaxDelaySeconds is capped at one year. */
    private static final long MAX_DELAY = 31_622_400L;

    private RetryParser() {}

    static List<Retrier> parse(FieldReader state) {
        List<Retrier> out = new ArrayList<>();
        if (!state.has("Retry")) {
            return out;
        }
        String at = state.at("Retry");
        List<List<String>> names = new ArrayList<>();
        state.array("Retry").ifPresent(arr -> {
            for (int i = 0; i < arr.size(); i++) {
                JsonNode n = arr.get(i);
                String loc = Diagnostics.index(at, i);
                if (!n.isObject()) {
                    state.out().schema(Messages.wrongType("Retry", "an ARRAY of OBJECT"), loc);
                    continue;
                }
                retrier(new FieldReader((ObjectNode) n, loc, state.out())).ifPresent(r -> {
                    out.add(r);
                    names.add(r.errorEquals());
                });
            }
        });
        ErrorEqualsParser.checkAllIsLast(names, "Retry", at, state.out());
        return out;
    }

    private static Optional<Retrier> retrier(FieldReader r) {
        r.require("ErrorEquals");
        r.rejectUnknown(FIELDS);
        Optional<List<String>> errors = ErrorEqualsParser.parse(r);
        r.string("Comment");
        long interval = r.integer("IntervalSeconds", 1, MAX).orElse(1);
        long attempts = r.integer("MaxAttempts", 0, MAX).orElse(3);
        double rate = r.number("BackoffRate", 1.0, Double.MAX_VALUE).orElse(2.0);
        Optional<Long> maxDelay = r.has("MaxDelaySeconds")
                ? boxed(r.integer("MaxDelaySeconds", 1, MAX_DELAY).orElse(-1))
                : Optional.empty();
        Retrier.JitterStrategy jitter = Retrier.JitterStrategy.NONE;
        Optional<String> j = r.string("JitterStrategy");
        if (j.isPresent()) {
            try {
                jitter = Retrier.JitterStrategy.valueOf(j.get());
            } catch (IllegalArgumentException e) {
                r.out().schema(Messages.oneOfValues("JitterStrategy", List.of("FULL", "NONE")),
                        r.at("JitterStrategy"));
            }
        }
        Retrier.JitterStrategy js = jitter;
        return errors.map(e -> new Retrier(e, interval, attempts, rate, maxDelay, js));
    }

    private static Optional<Long> boxed(long v) {
        return v < 0 ? Optional.empty() : Optional.of(v);
    }
}
