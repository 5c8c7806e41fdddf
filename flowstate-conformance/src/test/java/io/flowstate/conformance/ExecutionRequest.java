package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * One execution the suite asks for: CreateStateMachine({@code stateMachineName}, {@code definition},
 * {@code type}, role {@link Arns#ROLE_ARN}) then StartExecution({@code executionName}, {@code input}).
 *
 * @param stateMachineName the name; its ARN is {@link Arns#stateMachine(String)}
 * @param executionName the execution name; a Standard execution's ARN is {@link Arns#execution(String, String)}
 * @param definition the definition text, Lambda tokens replaced
 * @param input the execution input text exactly as sent (it may be invalid JSON); {@code {}} when the case
 *     called StartExecution without input
 * @param type {@code STANDARD} or {@code EXPRESS}
 * @param lambdas the Lambda functions that exist during the case, by function ARN (unqualified, as
 *     {@link Arns#lambdaFunction(String)}); a function not listed does not exist
 * @param stop a StopExecution the case makes while the execution runs
 */
public record ExecutionRequest(
        String stateMachineName,
        String executionName,
        String definition,
        String input,
        String type,
        Map<String, LambdaFunction> lambdas,
        Optional<StopExecution> stop) {
    public ExecutionRequest {
        requireNonNull(stateMachineName, "stateMachineName is null");
        requireNonNull(executionName, "executionName is null");
        requireNonNull(definition, "definition is null");
        requireNonNull(input, "input is null");
        requireNonNull(type, "type is null");
        lambdas = Map.copyOf(lambdas);
        requireNonNull(stop, "stop is null");
    }

    public String stateMachineArn() {
        return Arns.stateMachine(stateMachineName);
    }

    public String roleArn() {
        return Arns.ROLE_ARN;
    }
}
