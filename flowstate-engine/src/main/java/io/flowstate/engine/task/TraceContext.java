package io.flowstate.engine.task;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The trace a call belongs to, as plain data: a 128-bit trace id (32 lower-case hex digits), the id of the span the
 * call is made from (16 hex digits) and whether the trace is sampled. It renders as the two headers AWS services
 * and the wider world use: W3C {@code traceparent} and AWS X-Ray's {@code X-Amzn-Trace-Id}, whose {@code Root}
 * is the same 128 bits written {@code 1-<8 hex>-<24 hex>}. The engine hands it to task handlers without knowing
 * any tracing library.
 */
public record TraceContext(String traceId, String spanId, boolean sampled) {
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern ROOT = Pattern.compile("1-([0-9a-fA-F]{8})-([0-9a-fA-F]{24})");

    public TraceContext {
        requireNonNull(traceId, "traceId is null");
        requireNonNull(spanId, "spanId is null");
        if (!TRACE_ID.matcher(traceId).matches() || traceId.chars().allMatch(c -> c == '0')) {
            throw new IllegalArgumentException("a trace id is 32 lower-case hex digits, not all zero: " + traceId);
        }
        if (!SPAN_ID.matcher(spanId).matches() || spanId.chars().allMatch(c -> c == '0')) {
            throw new IllegalArgumentException("a span id is 16 lower-case hex digits, not all zero: " + spanId);
        }
    }

    /** The W3C {@code traceparent} header: {@code 00-<trace id>-<span id>-<01 sampled | 00>}. */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-" + (sampled ? "01" : "00");
    }

    /** The X-Ray header ({@code X-Amzn-Trace-Id}, and StartExecution's {@code traceHeader}). */
    public String xrayHeader() {
        return "Root=1-" + traceId.substring(0, 8) + "-" + traceId.substring(8) + ";Parent=" + spanId
                + ";Sampled=" + (sampled ? "1" : "0");
    }

    /**
     * The context an X-Ray header names ({@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;
     * Sampled=1}, fields in any order, others ignored). Empty when it has no valid {@code Root} and {@code Parent}:
     * a trace can only be continued from a span. {@code Sampled} absent or {@code ?} counts as sampled, as X-Ray
     * leaves the decision to the receiver then.
     */
    public static Optional<TraceContext> fromXray(String header) {
        String root = null;
        String parent = null;
        String sampled = null;
        for (String field : header.split(";")) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = field.substring(0, eq).trim();
            String value = field.substring(eq + 1).trim();
            switch (key) {
                case "Root" -> root = value;
                case "Parent" -> parent = value.toLowerCase(Locale.ROOT);
                case "Sampled" -> sampled = value;
                default -> { } // Lineage, Self, custom fields: not part of the span context
            }
        }
        if (root == null || parent == null || !SPAN_ID.matcher(parent).matches()) {
            return Optional.empty();
        }
        var m = ROOT.matcher(root);
        if (!m.matches()) {
            return Optional.empty();
        }
        String traceId = (m.group(1) + m.group(2)).toLowerCase(Locale.ROOT);
        try {
            return Optional.of(new TraceContext(traceId, parent, !"0".equals(sampled)));
        } catch (IllegalArgumentException allZero) {
            return Optional.empty();
        }
    }
}
