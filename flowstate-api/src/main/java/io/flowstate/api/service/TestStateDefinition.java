package io.flowstate.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.api.ApiException;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.asl.parse.DefinitionErrors;
import io.flowstate.asl.parse.MachineType;
import io.flowstate.asl.parse.ParseResult;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The machine a TestState request runs: a whole definition with the {@code stateName} to test, or one state on
 * its own. AWS names a lone state {@code StateName} (its definition errors say {@code /States/StateName/...}),
 * and the states it may move to need not exist; they are stood in for by Succeed states so the definition
 * validates as a machine.
 *
 * @param machine the parsed machine
 * @param stateName the state to test
 */
record TestStateDefinition(StateMachine machine, String stateName) {
    /** The name AWS gives a state tested on its own. */
    static final String LONE_STATE = io.flowstate.engine.interp.StateTest.STATE_NAME;

    static TestStateDefinition of(String definition, Optional<String> stateName) {
        JsonNode root;
        try {
            root = Json.parse(definition);
        } catch (JsonProcessingException e) {
            // The parser words the syntax error as CreateStateMachine would.
            throw invalid(AslParser.parse(definition, MachineType.STANDARD));
        }
        boolean whole = root.isObject() && root.has("States");
        if (stateName.isPresent() || whole) {
            ParseResult parsed = AslParser.parse(definition, MachineType.STANDARD);
            String name = stateName.orElseGet(() -> root.path("StartAt").asText());
            if (!declares(root, name)) {
                throw new ApiException.ValidationException("State not found in definition");
            }
            if (!parsed.isValid()) {
                throw invalid(parsed);
            }
            return new TestStateDefinition(parsed.machine().orElseThrow(), name);
        }
        if (!root.isObject()) {
            throw invalid(AslParser.parse(definition, MachineType.STANDARD));
        }
        ObjectNode machine = Json.object();
        machine.put("StartAt", LONE_STATE);
        ObjectNode states = machine.putObject("States");
        states.set(LONE_STATE, root);
        for (String target : targets(root)) {
            if (!target.equals(LONE_STATE)) {
                states.putObject(target).put("Type", "Succeed");
            }
        }
        ParseResult parsed = AslParser.parse(machine, MachineType.STANDARD);
        if (!parsed.isValid()) {
            throw invalid(parsed);
        }
        return new TestStateDefinition(parsed.machine().orElseThrow(), LONE_STATE);
    }

    /** Whether {@code machine} or a branch or item processor inside it declares a state called {@code name}. */
    private static boolean declares(JsonNode machine, String name) {
        JsonNode states = machine.path("States");
        if (states.has(name)) {
            return true;
        }
        for (JsonNode s : states) {
            for (JsonNode branch : s.path("Branches")) {
                if (declares(branch, name)) {
                    return true;
                }
            }
            if (declares(s.path("ItemProcessor"), name) || declares(s.path("Iterator"), name)) {
                return true;
            }
        }
        return false;
    }

    /** The names a lone state may move to: Next, Default, and its choices' and catchers' Next. */
    private static Set<String> targets(JsonNode state) {
        Set<String> out = new LinkedHashSet<>();
        addText(out, state.path("Next"));
        addText(out, state.path("Default"));
        for (JsonNode choice : state.path("Choices")) {
            addText(out, choice.path("Next"));
        }
        for (JsonNode c : state.path("Catch")) {
            addText(out, c.path("Next"));
        }
        return out;
    }

    private static void addText(Set<String> out, JsonNode n) {
        if (n.isTextual()) {
            out.add(n.textValue());
        }
    }

    private static ApiException invalid(ParseResult parsed) {
        return new ApiException.InvalidDefinition(DefinitionErrors.invalidDefinitionMessage(parsed.errors()));
    }
}
