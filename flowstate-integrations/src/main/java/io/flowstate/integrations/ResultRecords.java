package io.flowstate.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What a ResultWriter writes of each child execution, by {@code WriterConfig.Transformation}:
 * <ul>
 *   <li>{@code NONE} (the default when writing to S3): the child's execution record, as DescribeExecution
 *       shows it: {@code ExecutionArn}, {@code Input} and {@code Output} as JSON text with their
 *       {@code InputDetails}/{@code OutputDetails}, {@code Name}, {@code RedriveCount}, {@code RedriveStatus},
 *       {@code StartDate}, {@code StateMachineArn}, {@code Status}, {@code StopDate}; a failed child has
 *       {@code Error} and {@code Cause} instead of an output;</li>
 *   <li>{@code COMPACT}: the child's output itself;</li>
 *   <li>{@code FLATTEN}: as COMPACT, an output that is an array giving its elements one by one.</li>
 * </ul>
 * A child that did not succeed is written as under NONE whatever the transformation, as AWS documents. The
 * children's names and ARNs are those ListExecutions shows for the Map Run.
 */
final class ResultRecords {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ResultRecords() {}

    /** One result of {@code child} (an engine record: Index, Status, Input, Output or Error/Cause, dates). */
    static List<JsonNode> of(JsonNode child, String transformation, String mapRunArn) {
        boolean succeeded = child.path("Status").asText().equals("SUCCEEDED");
        if (succeeded && transformation.equals("COMPACT")) {
            return List.of(child.path("Output"));
        }
        if (succeeded && transformation.equals("FLATTEN")) {
            JsonNode out = child.path("Output");
            List<JsonNode> flat = new ArrayList<>();
            if (out.isArray()) {
                out.forEach(flat::add);
            } else {
                flat.add(out);
            }
            return flat;
        }
        return List.of(execution(child, mapRunArn));
    }

    private static ObjectNode execution(JsonNode child, String mapRunArn) {
        int index = child.path("Index").asInt();
        String name = io.flowstate.engine.interp.ChildExecutions.name(mapRunArn, index);
        String status = child.path("Status").asText();
        ObjectNode rec = Json.object();
        if (child.has("Cause")) {
            rec.put("Cause", child.get("Cause").asText());
        }
        if (child.has("Error")) {
            rec.put("Error", child.get("Error").asText());
        }
        rec.put("ExecutionArn", io.flowstate.engine.interp.ChildExecutions.arn(mapRunArn, index));
        rec.put("Input", Json.write(child.path("Input")));
        rec.putObject("InputDetails").put("Included", true);
        rec.put("Name", name);
        if (child.has("Output")) {
            rec.put("Output", Json.write(child.get("Output")));
            rec.putObject("OutputDetails").put("Included", true);
        }
        rec.put("RedriveCount", child.path("RedriveCount").asInt());
        if (status.equals("SUCCEEDED")) {
            rec.put("RedriveStatus", "NOT_REDRIVABLE");
            rec.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
        } else {
            // A Map Run's child is redriven by redriving its Map Run (RedriveStatus REDRIVABLE_BY_MAP_RUN).
            rec.put("RedriveStatus", "REDRIVABLE_BY_MAP_RUN");
        }
        date(rec, "StartDate", child.path("StartDate"));
        rec.put("StateMachineArn", io.flowstate.engine.interp.ChildExecutions.stateMachineArn(mapRunArn));
        rec.put("Status", status);
        date(rec, "StopDate", child.path("StopDate"));
        return rec;
    }

    private static void date(ObjectNode rec, String field, JsonNode iso) {
        if (iso.isTextual()) {
            rec.put(field, DATE.format(Instant.parse(iso.asText()).truncatedTo(ChronoUnit.MILLIS)));
        }
    }
}
