package io.flowstate.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The executions an execution started with {@code states:startExecution} Tasks ({@code .sync}, {@code .sync:2}
 * or not), for the summary's links: the {@code ExecutionArn} of the output of each TaskSubmitted (a {@code .sync}
 * child that has started) and TaskSucceeded of such a task. Fed the history's events, with their data, in order;
 * keeps the first {@link #MAX} and counts the rest.
 */
final class ChildExecutions {
    /** Links kept at most. */
    static final int MAX = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> arns = new LinkedHashSet<>();
    private int more;

    /** Whether a definition can start children at all (else its history need not be read with data for them). */
    static boolean possible(String definition) {
        return definition.contains("states:startExecution");
    }

    void accept(JsonNode event) {
        String type = event.path("type").asText();
        JsonNode details = type.equals("TaskSubmitted") ? event.path("taskSubmittedEventDetails")
                : type.equals("TaskSucceeded") ? event.path("taskSucceededEventDetails") : null;
        if (details == null || !details.path("resourceType").asText().equals("states")
                || !details.path("resource").asText().startsWith("startExecution")) {
            return;
        }
        String arn = arn(details.path("output"));
        if (arn.startsWith("arn:") && !arns.contains(arn)) {
            if (arns.size() < MAX) {
                arns.add(arn);
            } else {
                more++;
            }
        }
    }

    private static String arn(JsonNode output) {
        try {
            JsonNode o = output.isTextual() ? JSON.readTree(output.asText()) : output;
            return o.path("ExecutionArn").asText("");
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The children's ARNs, in the order they started (the first {@link #MAX}). */
    List<String> arns() {
        return List.copyOf(arns);
    }

    /** How many more there were than {@link #arns()} holds. */
    int more() {
        return more;
    }
}
