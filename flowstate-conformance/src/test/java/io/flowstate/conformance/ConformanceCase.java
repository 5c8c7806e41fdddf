package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One corpus case: a case folder plus its manifest entry.
 *
 * @param id {@code <category>/<case>}, unique, as in the manifest and {@code known-failures.txt}
 * @param category the upstream test folder
 * @param kind what to do with the case
 * @param operation the rejected API operation ({@code CreateStateMachine}, {@code StartExecution},
 *     {@code TestState}), for {@link CaseKind#REJECTED} cases
 * @param status the recorded status (SUCCEEDED, FAILED, ..., REJECTED, ACCEPTED)
 * @param stateMachineType {@code STANDARD} or {@code EXPRESS}
 * @param definition the definition text byte for byte (possibly invalid JSON), tokens not yet replaced
 * @param input the execution input text, when an execution was started
 * @param expected the whole {@code expected.json}
 * @param needs the Lambda functions the case needs, in {@code needs.json} order
 * @param request the TestState request, for {@link CaseKind#TEST_STATE} cases
 */
public record ConformanceCase(
        String id,
        String category,
        CaseKind kind,
        Optional<String> operation,
        String status,
        String stateMachineType,
        String definition,
        Optional<String> input,
        JsonNode expected,
        List<LambdaNeed> needs,
        Optional<JsonNode> request) {
    public ConformanceCase {
        requireNonNull(id, "id is null");
        requireNonNull(category, "category is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(status, "status is null");
        requireNonNull(stateMachineType, "stateMachineType is null");
        requireNonNull(definition, "definition is null");
        requireNonNull(input, "input is null");
        requireNonNull(expected, "expected is null");
        needs = List.copyOf(needs);
        requireNonNull(request, "request is null");
    }

    /** The name placeholders of {@code expected.json} ({@code role_arn}, {@code state_machine_name}, ...). */
    public Optional<String> namePlaceholder(String key) {
        JsonNode value = expected.path("name_placeholders").path(key);
        return value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
