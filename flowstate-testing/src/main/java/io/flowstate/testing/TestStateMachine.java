package io.flowstate.testing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;

/**
 * A parsed state machine of a {@link Flowstate} environment, ready to start executions. Its {@link #name()}
 * makes its ARN and selects its test cases in a mock config: the file name without {@code .json} or
 * {@code .asl.json}, a template's {@code StateMachineName} (SAM: {@code Name}) or logical id, or
 * {@code StateMachine} for JSON text. Immutable; {@link #named} gives a copy under another name.
 */
public final class TestStateMachine {
    private final Flowstate owner;
    private final String name;
    private final String definition;
    private final StateMachine machine;

    TestStateMachine(Flowstate owner, String name, String definition, StateMachine machine) {
        this.owner = requireNonNull(owner, "owner is null");
        this.name = requireNonNull(name, "name is null");
        this.definition = requireNonNull(definition, "definition is null");
        this.machine = requireNonNull(machine, "machine is null");
    }

    /** The state machine's name. */
    public String name() {
        return name;
    }

    /** The ASL definition text (for a template: with its intrinsic functions and substitutions resolved). */
    public String definition() {
        return definition;
    }

    /** The parsed definition. */
    public StateMachine machine() {
        return machine;
    }

    /** The same definition under another name (for a mock config keyed by that name). */
    public TestStateMachine named(String newName) {
        return new TestStateMachine(owner, newName, definition, machine);
    }

    /** Starts an execution with input {@code {}}. */
    public TestExecution start() {
        return start("{}");
    }

    /** Starts an execution with the JSON {@code input}, and runs it as far as it goes (see {@link ClockMode}). */
    public TestExecution start(String input) {
        return owner.start(this, null, input, JsonText.parse(input, "execution input"));
    }

    /** Starts an execution with {@code input}. */
    public TestExecution start(JsonNode input) {
        return owner.start(this, null, Json.write(input), input);
    }

    /** Starts an execution named {@code executionName} (the default names are exec-1, exec-2... per test). */
    public TestExecution startNamed(String executionName, String input) {
        requireNonNull(executionName, "executionName is null");
        return owner.start(this, executionName, input, JsonText.parse(input, "execution input"));
    }

    @Override
    public String toString() {
        return "TestStateMachine[" + name + "]";
    }
}
