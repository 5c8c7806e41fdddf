package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * CreateFunction's request, checked as Lambda checks it: Coral's member constraints first (ValidationException),
 * then Lambda's own rules (InvalidParameterValueException), with their messages.
 *
 * @param ref the FunctionName (a name, or an ARN in this server's region and account)
 * @param runtime {@code python3.12}, {@code nodejs20.x}, ...
 * @param zipFile the deployment package ({@code Code.ZipFile})
 */
record CreateFunctionRequest(FunctionRef ref, String runtime, String role, String handler, String description,
                             int timeoutSeconds, int memorySize, Map<String, String> environment, byte[] zipFile) {
    private static final String ROLE_PATTERN = "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+";

    CreateFunctionRequest {
        requireNonNull(ref, "ref is null");
        requireNonNull(runtime, "runtime is null");
        requireNonNull(role, "role is null");
        requireNonNull(handler, "handler is null");
        requireNonNull(description, "description is null");
        environment = Map.copyOf(environment);
        requireNonNull(zipFile, "zipFile is null");
    }

    /** Reads and checks a CreateFunction body. */
    static CreateFunctionRequest parse(JsonNode body) {
        FunctionRef ref = FunctionRef.parseForCreate(text(body, "FunctionName").orElse(null));
        String role = text(body, "Role").orElseThrow(() ->
                LambdaException.validation("role", null, "Member must not be null"));
        if (!role.matches(ROLE_PATTERN)) {
            throw LambdaException.validation("role", role, "Member must satisfy regular expression pattern: "
                    + ROLE_PATTERN);
        }
        int timeout = integer(body, "Timeout", "timeout", 3, 1, 900);
        int memory = integer(body, "MemorySize", "memorySize", 128, 128, 10240);
        Optional<String> handler = text(body, "Handler");
        if (handler.isPresent() && (handler.get().length() > 128 || !handler.get().matches("[^\\s]+"))) {
            throw LambdaException.validation("handler", handler.get(), handler.get().length() > 128
                    ? "Member must have length less than or equal to 128"
                    : "Member must satisfy regular expression pattern: [^\\s]+");
        }
        JsonNode code = body.path("Code");
        if (!code.isObject()) {
            throw LambdaException.validation("code", null, "Member must not be null");
        }
        if (text(body, "PackageType").filter(t -> !t.equals("Zip")).isPresent() || !code.has("ZipFile")) {
            throw LambdaError.INVALID_PARAMETER_VALUE.exception("This Lambda server takes the deployment package as"
                    + " Code.ZipFile only (not S3Bucket/S3Key or ImageUri, nor PackageType Image).");
        }
        Optional<String> runtime = text(body, "Runtime");
        if (runtime.isEmpty() || handler.isEmpty()) {
            throw LambdaError.INVALID_PARAMETER_VALUE.exception(
                    "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }
        Runtimes.check(runtime.get());
        return new CreateFunctionRequest(ref, runtime.get(), role, handler.get(),
                text(body, "Description").orElse(""), timeout, memory, Environments.check(body.path("Environment")),
                zip(code.path("ZipFile")));
    }

    private static byte[] zip(JsonNode zipFile) {
        try {
            return zipFile.binaryValue();
        } catch (IOException | IllegalArgumentException e) {
            throw LambdaError.INVALID_PARAMETER_VALUE.exception("Could not unzip uploaded file. Please check your"
                    + " file, then try to upload again.");
        }
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode v = body.path(field);
        return v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
    }

    private static int integer(JsonNode body, String field, String member, int absent, int min, int max) {
        JsonNode v = body.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return absent;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw LambdaError.INVALID_REQUEST_CONTENT.exception("Could not parse request body into json: "
                    + field + " must be an integer");
        }
        int value = v.intValue();
        if (value < min) {
            throw LambdaException.validation(member, Integer.toString(value),
                    "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw LambdaException.validation(member, Integer.toString(value),
                    "Member must have value less than or equal to " + max);
        }
        return value;
    }
}
