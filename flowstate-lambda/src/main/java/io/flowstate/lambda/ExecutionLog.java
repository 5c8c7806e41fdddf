package io.flowstate.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * One invocation's execution log as Lambda writes it around the function's own output: {@code START}, the output,
 * {@code END}, {@code REPORT} with the durations; and its tail for Invoke's {@code X-Amz-Log-Result}.
 */
final class ExecutionLog {
    /** Invoke's LogResult holds the last 4 KB of the log. */
    private static final int TAIL_BYTES = 4096;

    private ExecutionLog() {}

    /**
     * The whole log of one invocation.
     *
     * @param output what the function wrote, each line ending in a newline
     * @param init how long the environment took to start, for a cold start
     * @param timedOut whether it ended by its timeout ({@code Status: timeout}, after Lambda's own line)
     */
    static String of(String requestId, String output, Duration duration, int memorySize, long maxMemoryMb,
                     Optional<Duration> init, Optional<String> timedOut) {
        StringBuilder log = new StringBuilder("START RequestId: ").append(requestId).append(" Version: $LATEST\n");
        log.append(output);
        timedOut.ifPresent(message -> log.append(Instant.now()).append(' ').append(requestId).append(' ')
                .append(message).append('\n'));
        log.append("END RequestId: ").append(requestId).append('\n');
        double ms = duration.toNanos() / 1e6;
        log.append("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(String.format(Locale.ROOT, "%.2f", ms)).append(" ms")
                .append("\tBilled Duration: ").append((long) Math.ceil(ms)).append(" ms")
                .append("\tMemory Size: ").append(memorySize).append(" MB")
                .append("\tMax Memory Used: ").append(Math.max(1, maxMemoryMb)).append(" MB\t");
        init.ifPresent(d -> log.append("Init Duration: ")
                .append(String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e6)).append(" ms\t"));
        timedOut.ifPresent(m -> log.append("Status: timeout"));
        return log.append('\n').toString();
    }

    /** Base64 of the log's last 4 KB. */
    static String tail(String log) {
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        byte[] tail = bytes.length <= TAIL_BYTES ? bytes : Arrays.copyOfRange(bytes, bytes.length - TAIL_BYTES,
                bytes.length);
        return Base64.getEncoder().encodeToString(tail);
    }
}
