package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A function's configuration, as GetFunctionConfiguration answers it. Functions here have one version,
 * {@code $LATEST}, and are ready as soon as they are created.
 *
 * @param name the function name
 * @param arn the unqualified function ARN
 * @param runtime {@code python3.12}, {@code nodejs20.x}, ... ({@code java21} for in-process functions)
 * @param role the execution role ARN (recorded, never assumed)
 * @param handler {@code module.function}
 * @param description free text
 * @param timeoutSeconds 1 to 900
 * @param memorySize MB, 128 to 10240 (reported, not enforced)
 * @param environment the function's environment variables
 * @param codeSize bytes of the deployment package
 * @param codeSha256 base64 SHA-256 of the deployment package
 * @param lastModified when it was created
 * @param revisionId changes with every update
 */
record FunctionConfig(String name, String arn, String runtime, String role, String handler, String description,
                      int timeoutSeconds, int memorySize, Map<String, String> environment, long codeSize,
                      String codeSha256, Instant lastModified, String revisionId) {
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    FunctionConfig {
        requireNonNull(name, "name is null");
        requireNonNull(arn, "arn is null");
        requireNonNull(runtime, "runtime is null");
        requireNonNull(role, "role is null");
        requireNonNull(handler, "handler is null");
        requireNonNull(description, "description is null");
        environment = Map.copyOf(environment);
        requireNonNull(codeSha256, "codeSha256 is null");
        requireNonNull(lastModified, "lastModified is null");
        requireNonNull(revisionId, "revisionId is null");
    }

    /** A Java function of this JVM ({@code LambdaServer.Builder#function}): no package, runtime {@code java21}. */
    static FunctionConfig inProcess(String name, String arn, String account, Instant now) {
        return new FunctionConfig(name, arn, "java21", "arn:aws:iam::" + account + ":role/flowstate-in-process",
                "in-process", "", 3, 128, Map.of(), 0, CodeArchive.sha256(new byte[0]), now,
                UUID.randomUUID().toString());
    }

    /**
     * The FunctionConfiguration shape. CreateFunction's answer shows the function {@code Pending}, as AWS's does
     * (SDK waiters then see it {@code Active}); every later read shows it {@code Active}.
     */
    ObjectNode toJson(boolean justCreated) {
        ObjectNode c = LambdaJson.object();
        c.put("FunctionName", name).put("FunctionArn", arn).put("Runtime", runtime).put("Role", role)
                .put("Handler", handler).put("CodeSize", codeSize).put("Description", description)
                .put("Timeout", timeoutSeconds).put("MemorySize", memorySize)
                .put("LastModified", LAST_MODIFIED.format(lastModified)).put("CodeSha256", codeSha256)
                .put("Version", "$LATEST");
        if (!environment.isEmpty()) {
            ObjectNode variables = c.putObject("Environment").putObject("Variables");
            new TreeMap<>(environment).forEach(variables::put);
        }
        c.putObject("TracingConfig").put("Mode", "PassThrough");
        c.put("RevisionId", revisionId);
        if (justCreated) {
            c.put("State", "Pending").put("StateReason", "The function is being created.")
                    .put("StateReasonCode", "Creating");
        } else {
            c.put("State", "Active").put("LastUpdateStatus", "Successful");
        }
        c.put("PackageType", "Zip");
        c.putArray("Architectures").add("x86_64");
        c.putObject("EphemeralStorage").put("Size", 512);
        c.putObject("SnapStart").put("ApplyOn", "None").put("OptimizationStatus", "Off");
        c.putObject("LoggingConfig").put("LogFormat", "Text").put("LogGroup", "/aws/lambda/" + name);
        return c;
    }
}
