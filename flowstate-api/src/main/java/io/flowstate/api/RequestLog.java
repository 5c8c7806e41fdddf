package io.flowstate.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.io.PrintStream;
import java.time.Instant;

/**
 * One JSON line per API request ({@code --request-log}): when, the operation, the HTTP status, the error code of a
 * refusal or failure, the latency, and the {@code x-amzn-RequestId} the client was given, so that a client's
 * report can be found in the log.
 */
@FunctionalInterface
public interface RequestLog {
    /** Writes nothing. */
    RequestLog NONE = (at, operation, status, error, micros, requestId) -> { };

    void served(Instant at, String operation, int status, String error, long micros, String requestId);

    /** Lines on {@code out}, one println each (PrintStream locks, so lines never interleave). */
    static RequestLog to(PrintStream out) {
        return (at, operation, status, error, micros, requestId) -> {
            ObjectNode line = Json.object();
            line.put("time", at.toString());
            line.put("operation", operation);
            line.put("status", status);
            if (error != null) {
                line.put("error", error);
            }
            line.put("latencyMs", micros / 1000.0);
            line.put("requestId", requestId);
            out.println(Json.write(line));
        };
    }
}
