package io.flowstate.template;

import static java.util.Objects.requireNonNull;

/**
 * A state machine of a template, ready to run or deploy: its logical id, its name ({@code StateMachineName},
 * SAM's {@code Name}, else the logical id), its type ({@code STANDARD} or {@code EXPRESS}), its ASL definition
 * with every intrinsic function and {@code DefinitionSubstitutions} placeholder resolved, its execution role's
 * ARN, and where it is declared (for errors).
 */
public record StateMachineResource(String logicalId, String name, String type, String definition, String roleArn,
        TemplatePath path) {
    public StateMachineResource {
        requireNonNull(logicalId, "logicalId is null");
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(definition, "definition is null");
        requireNonNull(roleArn, "roleArn is null");
        requireNonNull(path, "path is null");
    }
}
