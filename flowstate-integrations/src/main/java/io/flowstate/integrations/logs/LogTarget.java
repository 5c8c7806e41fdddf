package io.flowstate.integrations.logs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Where and what one state machine logs: its level, whether payloads are included, and the log group's name
 * (from the destination's ARN, {@code arn:aws:logs:REGION:ACCOUNT:log-group:NAME[:*]}).
 */
public record LogTarget(LogLevel level, boolean includeExecutionData, String logGroupName) {
    public LogTarget {
        requireNonNull(level, "level is null");
        requireNonNull(logGroupName, "logGroupName is null");
    }

    /**
     * The target of a stored {@code loggingConfiguration}; empty when it logs nothing (level OFF, or no
     * destination whose ARN names a log group).
     */
    public static Optional<LogTarget> of(JsonNode config) {
        LogLevel level;
        try {
            level = LogLevel.valueOf(config.path("level").asText("OFF"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        JsonNode destination = config.path("destinations").path(0);
        Optional<String> group = groupName(destination.path("cloudWatchLogsLogGroup").path("logGroupArn").asText(""));
        if (level == LogLevel.OFF || group.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LogTarget(level, config.path("includeExecutionData").asBoolean(false), group.get()));
    }

    /** The log group name of a log group ARN; empty when it is not one. */
    public static Optional<String> groupName(String arn) {
        String[] f = arn.split(":", 8);
        if (f.length < 7 || !f[0].equals("arn") || !f[2].equals("logs") || !f[5].equals("log-group") || f[6].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(f[6]);
    }
}
