package io.flowstate.asl.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Utils;
import com.dashjoin.jsonata.utils.DateTimeUtils;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.flowstate.asl.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The functions Step Functions adds to JSONata ({@code $partition}, {@code $range}, {@code $hash},
 * {@code $random}, {@code $uuid}, {@code $parse}), the ones it takes away ({@code $eval}), and the library
 * functions that would read the wall clock ({@code $now}, {@code $millis}), which read the decision's clock
 * instead.
 *
 * <p>As on AWS, numeric arguments are truncated towards zero, and several degenerate arguments give
 * undefined rather than an error (a chunk size below one, an empty array, a range without a step or with a
 * step pointing away from its end, a hash without an algorithm); the field then fails as any undefined result
 * does. {@code $range} answers a sequence, so a one-element range is the bare number.
 */
final class StepFunctionsLibrary {
    private static final Set<String> HASHES = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    /**
     * The most values {@code $range} makes: the limit JSONata puts on its own range operator ({@code [1..n]},
     * error D2014), so that one expression cannot exhaust the heap a server shares between executions.
     */
    static final long MAX_RANGE = 10_000_000;

    private StepFunctionsLibrary() {}

    /** Registers the functions that do not depend on the execution: once per compiled expression. */
    static void registerStatic(Jsonata expression) {
        expression.registerFunction("partition", new JFunction(StepFunctionsLibrary::partition, "<an:a>"));
        expression.registerFunction("range", new JFunction(StepFunctionsLibrary::range, "<nnn?:a<n>>"));
        expression.registerFunction("hash", new JFunction(StepFunctionsLibrary::hash, "<ss?:s>"));
        expression.registerFunction("parse", new JFunction(StepFunctionsLibrary::parse, "<s-:x>"));
    }

    /**
     * Binds the functions that read the execution's random source or the decision's clock, those of them the
     * expression names ({@code names}: every {@code $name} in its text): a function object parses its signature
     * with regular expressions when built, which cost more than most expressions.
     */
    static void bindDynamic(Jsonata.Frame frame, JsonataBindings b, java.util.Collection<String> names) {
        if (names.contains("random")) {
            frame.bind("random", new JFunction((in, args) -> random(b, args), "<n?:n>"));
        }
        if (names.contains("uuid")) {
            frame.bind("uuid", new JFunction((in, args) -> uuid(b), "<:s>"));
        }
        if (names.contains("now")) {
            frame.bind("now", new JFunction((in, args) -> now(b, args), "<s?s?:s>"));
        }
        if (names.contains("millis")) {
            frame.bind("millis", new JFunction((in, args) -> b.now().toEpochMilli(), "<:n>"));
        }
        // AWS removes $eval: $parse replaces it. Bound to undefined, a call fails as calling a non-function.
        frame.bind("eval", (Object) null);
    }

    private static Object partition(Object input, List<?> args) {
        List<?> array = (List<?>) args.get(0);
        Object sizeArg = args.size() > 1 ? args.get(1) : null;
        if (array == null || sizeArg == null || array.isEmpty()) {
            return null;
        }
        long size = (long) ((Number) sizeArg).doubleValue();
        if (size < 1) {
            return null;
        }
        List<Object> chunks = new ArrayList<>();
        for (int from = 0; from < array.size(); from += (int) Math.min(size, Integer.MAX_VALUE)) {
            int to = (int) Math.min(array.size(), from + size);
            chunks.add(new ArrayList<>(array.subList(from, to)));
        }
        return chunks;
    }

    private static Object range(Object input, List<?> args) {
        if (args.size() < 3 || args.get(0) == null || args.get(1) == null || args.get(2) == null) {
            return null;
        }
        long start = (long) ((Number) args.get(0)).doubleValue();
        long end = (long) ((Number) args.get(1)).doubleValue();
        long step = (long) ((Number) args.get(2)).doubleValue();
        if (step == 0 || (step > 0 && end < start) || (step < 0 && end > start)) {
            return null;
        }
        // Computed in double: (end - start) may overflow a long.
        double count = Math.floor(((double) end - start) / step) + 1;
        if (count > MAX_RANGE) {
            throw new JException("The size of the sequence allocated by $range must not exceed " + MAX_RANGE
                    + ". Attempted to allocate " + (long) count + ".", -1);
        }
        List<Object> seq = Utils.createSequence();
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            seq.add(v);
        }
        return seq;
    }

    private static Object hash(Object input, List<?> args) {
        String data = (String) args.get(0);
        String algorithm = args.size() > 1 ? (String) args.get(1) : null;
        if (data == null || algorithm == null) {
            return null;
        }
        if (!HASHES.contains(algorithm)) {
            throw new JException("The hash algorithm '" + algorithm
                    + "' is not supported. Supported algorithms: MD5, SHA-1, SHA-256, SHA-384, SHA-512", -1);
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    private static Object parse(Object input, List<?> args) {
        String text = (String) args.get(0);
        if (text == null) {
            return null;
        }
        try {
            return JavaValues.toJava(Json.parse(text));
        } catch (JsonProcessingException e) {
            throw new JException("The string '" + text + "' is not valid JSON", -1);
        }
    }

    private static Object random(JsonataBindings b, List<?> args) {
        Object seed = args.isEmpty() ? null : args.get(0);
        if (seed == null) {
            return b.random().nextDouble();
        }
        return new SplittableRandom((long) ((Number) seed).doubleValue()).nextDouble();
    }

    private static Object uuid(JsonataBindings b) {
        long hi = (b.random().nextLong() & ~0xF000L) | 0x4000L;
        long lo = (b.random().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private static Object now(JsonataBindings b, List<?> args) {
        String picture = args.isEmpty() ? null : (String) args.get(0);
        String timezone = args.size() > 1 ? (String) args.get(1) : null;
        if (picture == null && timezone == null) {
            return ISO_MILLIS.format(b.now());
        }
        return DateTimeUtils.formatDateTime(b.now().toEpochMilli(), picture, timezone);
    }
}
