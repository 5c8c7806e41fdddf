package io.flowstate.asl.parse;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.model.StateMachine;
import java.util.List;
import java.util.Optional;

/**
 * Parses and validates an Amazon States Language definition as AWS does at CreateStateMachine: every problem is
 * reported at once, with AWS's codes, messages and locations, and the compiled {@link StateMachine} is returned
 * only when there is no error. Never throws for bad input: malformed JSON is a diagnostic too.
 *
 * <p>Expressions are compiled here (JSONPath, payload templates, intrinsic functions); JSONata expressions are
 * kept as written for the JSONata evaluator.
 */
public final class AslParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AslParser() {}

    /** Parses a definition for a STANDARD state machine. */
    public static ParseResult parse(String definitionJson) {
        return parse(definitionJson, MachineType.STANDARD);
    }

    /** Parses a definition for a state machine of {@code type}. */
    public static ParseResult parse(String definitionJson, MachineType type) {
        requireNonNull(definitionJson, "definitionJson is null");
        requireNonNull(type, "type is null");
        if (definitionJson.isBlank()) {
            return failed(Diagnostic.error(Codes.SCHEMA_VALIDATION_FAILED, Messages.notAJsonObject()));
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(definitionJson);
        } catch (JsonProcessingException e) {
            return failed(JsonSyntax.diagnostic(e, definitionJson));
        }
        if (tree == null || !tree.isObject()) {
            return failed(Diagnostic.error(Codes.SCHEMA_VALIDATION_FAILED, Messages.notAJsonObject()));
        }
        return parse((ObjectNode) tree, type);
    }

    /** Parses a definition already read as JSON. */
    public static ParseResult parse(ObjectNode definition, MachineType type) {
        Diagnostics out = new Diagnostics();
        ParseContext ctx = new ParseContext(out, type);
        Optional<StateMachine> machine = MachineParser.top(definition, ctx);
        if (!out.hasErrors()) {
            ctx.graphChecks.forEach(Runnable::run);
        }
        List<Diagnostic> all = out.all();
        return new ParseResult(out.hasErrors() ? Optional.empty() : machine, all);
    }

    private static ParseResult failed(Diagnostic d) {
        return new ParseResult(Optional.empty(), List.of(d));
    }
}
