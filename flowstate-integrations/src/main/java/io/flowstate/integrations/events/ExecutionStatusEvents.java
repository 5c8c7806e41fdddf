package io.flowstate.integrations.events;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.history.HistoryJson;
import io.flowstate.engine.history.PayloadWriter;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.runtime.HistoryListener;
import io.flowstate.integrations.sdk.SdkCall;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * EventBridge's "Step Functions Execution Status Change" events, as AWS puts them on the account's default event
 * bus: one when an execution starts or is redriven ({@code RUNNING}) and one when it ends ({@code SUCCEEDED},
 * {@code FAILED}, {@code TIMED_OUT}, {@code ABORTED}), source {@code aws.states}, the execution ARN as the resource,
 * and DescribeExecution's fields as the detail (input and output as JSON text). Sent with PutEvents through the
 * routed EventBridge endpoint, in order, off the execution's thread; a failed send is logged and dropped.
 */
public final class ExecutionStatusEvents implements HistoryListener, AutoCloseable {
    private static final Map<String, String> STATUS = Map.of("ExecutionStarted", "RUNNING",
            "ExecutionRedriven", "RUNNING", "ExecutionSucceeded", "SUCCEEDED", "ExecutionFailed", "FAILED",
            "ExecutionTimedOut", "TIMED_OUT", "ExecutionAborted", "ABORTED");

    private final SdkCall sdk;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("flowstate-status-events").daemon().factory());

    /** Events put with {@code sdk}, on the EventBridge endpoint it routes to. */
    public ExecutionStatusEvents(SdkCall sdk) {
        this.sdk = requireNonNull(sdk, "sdk is null");
    }

    @Override
    public void appended(ExecutionInfo info, int redriveCount, List<HistoryEvent> events, PayloadWriter payloads) {
        for (HistoryEvent e : events) {
            String status = STATUS.get(e.type().awsName());
            if (status != null) {
                ObjectNode entry = entry(info, redriveCount, e, status, payloads);
                sender.execute(() -> put(entry));
            }
        }
    }

    private ObjectNode entry(ExecutionInfo info, int redriveCount, HistoryEvent e, String status, PayloadWriter payloads) {
        boolean running = status.equals("RUNNING");
        JsonNode details = HistoryJson.details(e, payloads);
        ObjectNode d = Json.object();
        d.put("executionArn", info.executionArn());
        d.put("stateMachineArn", info.stateMachineArn());
        d.put("name", info.name());
        d.put("status", status);
        d.put("startDate", info.startTime().toEpochMilli());
        if (running) {
            d.putNull("stopDate");
        } else {
            d.put("stopDate", e.timestamp().toEpochMilli());
        }
        d.put("input", info.inputText().orElseGet(() -> Json.write(info.input())));
        d.putObject("inputDetails").put("included", true);
        if (details.has("output")) {
            d.put("output", details.get("output").isTextual() ? details.get("output").textValue()
                    : Json.write(details.get("output")));
            d.putObject("outputDetails").put("included", true);
        } else {
            d.putNull("output");
            d.putNull("outputDetails");
        }
        d.put("stateMachineVersionArn", info.stateMachineVersionArn().orElse(null));
        d.put("stateMachineAliasArn", info.stateMachineAliasArn().orElse(null));
        d.put("redriveCount", redriveCount);
        d.putNull("redriveDate");
        boolean redrivable = status.equals("FAILED") || status.equals("TIMED_OUT") || status.equals("ABORTED");
        d.put("redriveStatus", redrivable ? "REDRIVABLE" : "NOT_REDRIVABLE");
        if (redrivable) {
            d.putNull("redriveStatusReason");
        } else {
            d.put("redriveStatusReason", "Execution is " + status + " and cannot be redriven");
        }
        d.put("error", details.path("error").isTextual() ? details.get("error").textValue() : null);
        d.put("cause", details.path("cause").isTextual() ? details.get("cause").textValue() : null);
        ObjectNode entry = Json.object();
        entry.put("Source", "aws.states");
        entry.put("DetailType", "Step Functions Execution Status Change");
        entry.putArray("Resources").add(info.executionArn());
        entry.put("Detail", Json.write(d));
        entry.put("EventBusName", "default");
        return entry;
    }

    private void put(ObjectNode entry) {
        ObjectNode request = Json.object();
        request.putArray("Entries").add(entry);
        try {
            sdk.call(SdkCall.service("eventbridge"), "putEvents", request);
        } catch (RuntimeException ex) {
            System.getLogger(ExecutionStatusEvents.class.getName()).log(System.Logger.Level.WARNING,
                    "could not put an execution status change event: " + ex.getMessage());
        }
    }

    @Override
    public void close() {
        sender.shutdown();
    }
}
