package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** An API call a case makes beyond running an execution; see {@link CaseExecutor#call}. */
public sealed interface ApiCall {
    /**
     * CreateStateMachine with further arguments ({@code loggingConfiguration}, {@code publish},
     * {@code versionDescription}, ...) as recorded in {@code create_state_machine_extra_args}.
     */
    record Create(String stateMachineName, String definition, String type, JsonNode extraArgs) implements ApiCall {
        public Create {
            requireNonNull(stateMachineName, "stateMachineName is null");
            requireNonNull(definition, "definition is null");
            requireNonNull(type, "type is null");
            requireNonNull(extraArgs, "extraArgs is null");
        }
    }

    /** CreateStateMachine then StartExecution with {@code request}'s input, which the case expects refused. */
    record Start(ExecutionRequest request) implements ApiCall {
        public Start {
            requireNonNull(request, "request is null");
        }
    }

    /** ValidateStateMachineDefinition. */
    record Validate(String definition, String type) implements ApiCall {
        public Validate {
            requireNonNull(definition, "definition is null");
            requireNonNull(type, "type is null");
        }
    }

    /**
     * TestState with the recorded request (role and Lambda tokens replaced), the case's Lambda functions
     * existing by ARN.
     */
    record TestState(JsonNode request, Map<String, LambdaFunction> lambdas) implements ApiCall {
        public TestState {
            requireNonNull(request, "request is null");
            lambdas = Map.copyOf(lambdas);
        }
    }
}
