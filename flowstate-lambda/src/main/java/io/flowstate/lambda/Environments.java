package io.flowstate.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A function's {@code Environment.Variables}, checked against Lambda's reserved keys and its 4 KB quota. */
final class Environments {
    /** The variables Lambda sets itself and refuses to take from the function's configuration. */
    static final Set<String> RESERVED = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION",
            "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");
    private static final int MAX_BYTES = 4096;
    private static final String PREFIX = "Lambda was unable to configure your environment variables because the"
            + " environment variables you have provided ";

    private Environments() {}

    static Map<String, String> check(JsonNode environment) {
        JsonNode variables = environment.path("Variables");
        Map<String, String> out = new LinkedHashMap<>();
        List<String> reserved = new ArrayList<>();
        for (Map.Entry<String, JsonNode> v : variables.properties()) {
            if (RESERVED.contains(v.getKey())) {
                reserved.add(v.getKey());
            }
            out.put(v.getKey(), v.getValue().asText());
        }
        if (!reserved.isEmpty()) {
            throw LambdaError.INVALID_PARAMETER_VALUE.exception(PREFIX + "contains reserved keys that are currently"
                    + " not supported for modification. Reserved keys used in this request: "
                    + String.join(", ", reserved));
        }
        if (LambdaJson.text(variables).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw LambdaError.INVALID_PARAMETER_VALUE.exception(PREFIX + "exceeded the 4KB limit.");
        }
        return out;
    }
}
