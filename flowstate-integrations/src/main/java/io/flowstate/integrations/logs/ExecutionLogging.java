package io.flowstate.integrations.logs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.history.PayloadWriter;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.runtime.HistoryListener;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Execution logging as AWS does it: the {@link HistoryListener} that writes the events a state machine's
 * {@code loggingConfiguration} selects to its log group, one log stream per execution named
 * {@code states/<state-machine-name>/<yyyy-MM-dd-HH-mm of the start>/<8 hex digits>}.
 *
 * <p>The configuration is looked up once per execution, at its first decision here (a change to the machine
 * applies to executions started after it), so a decision of an execution that does not log costs one map
 * lookup. The lookup is forgotten when the execution ends.
 */
public final class ExecutionLogging implements HistoryListener {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm").withZone(ZoneOffset.UTC);

    private final Function<String, Optional<JsonNode>> configurations;
    private final LogSink writer;
    /** Per running execution: where it logs, or empty when it does not. */
    private final Map<String, Optional<Target>> targets = new ConcurrentHashMap<>();

    private record Target(LogTarget target, String stream) {}

    /**
     * Logging by the configurations {@code configurations} gives for a state machine ARN (the stored
     * {@code loggingConfiguration}; empty for an unknown machine), written by {@code writer}.
     */
    public ExecutionLogging(Function<String, Optional<JsonNode>> configurations, LogSink writer) {
        this.configurations = requireNonNull(configurations, "configurations is null");
        this.writer = requireNonNull(writer, "writer is null");
    }

    @Override
    public void appended(ExecutionInfo info, int redriveCount, List<HistoryEvent> events, PayloadWriter payloads) {
        String arn = info.executionArn();
        boolean ends = events.stream().anyMatch(e -> terminal(e.type().awsName()));
        Optional<Target> t = targets.get(arn);
        if (t == null) {
            t = configurations.apply(info.stateMachineArn()).flatMap(LogTarget::of).map(l -> new Target(l, stream(info)));
            if (!ends) {
                targets.put(arn, t);
            }
        } else if (ends) {
            targets.remove(arn);
        }
        if (t.isEmpty()) {
            return;
        }
        LogTarget target = t.get().target();
        List<LogLine> lines = new ArrayList<>();
        for (HistoryEvent e : events) {
            if (target.level().logs(e.type())) {
                lines.add(new LogLine(e.timestamp(),
                        LogEvents.message(e, arn, redriveCount, target.includeExecutionData(), payloads)));
            }
        }
        if (!lines.isEmpty() || ends) {
            writer.write(target.logGroupName(), t.get().stream(), lines, ends);
        }
    }

    private static boolean terminal(String type) {
        return type.equals("ExecutionSucceeded") || type.equals("ExecutionFailed") || type.equals("ExecutionTimedOut")
                || type.equals("ExecutionAborted");
    }

    /** The execution's log stream: the machine's name, the minute it started, and a digest of its ARN. */
    static String stream(ExecutionInfo info) {
        String hex = Integer.toHexString(info.executionArn().hashCode()); // String.format costs a microsecond
        return "states/" + info.stateMachineName() + "/" + MINUTE.format(info.startTime()) + "/"
                + "0".repeat(8 - hex.length()) + hex;
    }
}
