package io.flowstate.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A minimal JSONPath-mode interpreter for definitions made only of Pass states ending in Pass, Succeed or
 * Fail, enough to check this package against recorded executions: InputPath, Parameters, Result, Assign,
 * ResultPath, OutputPath, Next/End, and Fail's Error/Cause/ErrorPath/CausePath. The
 * real interpreter lives in the engine; this one exists so the expression layer can be judged by the corpus
 * on its own.
 */
final class PassChainRunner {
    /** The fields a Pass state may have for this runner to handle it. */
    static final Set<String> SUPPORTED_FIELDS =
            Set.of("Type", "Comment", "Parameters", "Result", "ResultPath", "InputPath", "OutputPath", "Next", "End", "Assign");

    private static final Set<String> TERMINAL_FIELDS =
            Set.of("Type", "Comment", "Error", "Cause", "ErrorPath", "CausePath", "InputPath", "OutputPath");

    /** Final status, output or error/cause. */
    record Outcome(String status, JsonNode output, String error, String cause) {}

    private PassChainRunner() {}

    /** True when every state is a Pass state with supported fields and nothing uses JSONata. */
    static boolean supports(JsonNode definition) {
        if (!definition.path("States").isObject() || "JSONata".equals(definition.path("QueryLanguage").asText())) {
            return false;
        }
        for (Map.Entry<String, JsonNode> state : definition.get("States").properties()) {
            JsonNode s = state.getValue();
            String type = s.path("Type").asText();
            if (!Set.of("Pass", "Succeed", "Fail").contains(type) || s.has("QueryLanguage")) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : s.properties()) {
                if (!("Pass".equals(type) ? SUPPORTED_FIELDS : TERMINAL_FIELDS).contains(field.getKey())) {
                    return false;
                }
            }
        }
        return true;
    }

    static Outcome run(JsonNode definition, JsonNode input) {
        String name = definition.get("StartAt").asText();
        JsonNode data = input;
        Map<String, JsonNode> variables = new HashMap<>();
        long enteredEventId = 2;
        while (true) {
            JsonNode state = definition.get("States").get(name);
            String type = state.get("Type").asText();
            try {
                EvalContext ctx = new EvalContext(data, contextObject(input, name), Variables.of(variables));
                if (type.equals("Fail")) {
                    return new Outcome("FAILED", null, failField(state, "Error", ctx), failField(state, "Cause", ctx));
                }
                if (type.equals("Succeed")) {
                    JsonNode effective = optionalPath(state, "InputPath").map(p -> p.read(ctx)).orElse(emptyIfNull(state, "InputPath", data));
                    EvalContext out = ctx.withInput(effective);
                    return new Outcome("SUCCEEDED", optionalPath(state, "OutputPath").map(p -> p.read(out))
                            .orElse(emptyIfNull(state, "OutputPath", effective)), null, null);
                }
                data = runState(state, contextObject(input, name), data, variables);
            } catch (EvaluationException e) {
                return new Outcome("FAILED", null, e.error(), "An error occurred while executing the state '" + name
                        + "' (entered at the event id #" + enteredEventId + "). " + e.cause());
            }
            if (state.path("End").asBoolean(false)) {
                return new Outcome("SUCCEEDED", data, null, null);
            }
            name = state.get("Next").asText();
            enteredEventId += 2;
        }
    }

    private static JsonNode runState(JsonNode state, JsonNode context, JsonNode rawInput, Map<String, JsonNode> variables) {
        EvalContext ctx = new EvalContext(rawInput, context, Variables.of(variables));
        JsonNode effective = optionalPath(state, "InputPath").map(p -> p.read(ctx)).orElse(emptyIfNull(state, "InputPath", rawInput));
        EvalContext effectiveCtx = ctx.withInput(effective);
        JsonNode result = state.has("Result") ? state.get("Result")
                : state.has("Parameters") ? PayloadTemplate.compile(state.get("Parameters")).evaluate(effectiveCtx)
                : effective;
        if (state.has("Assign")) {
            JsonNode assigned = PayloadTemplate.compile(state.get("Assign")).evaluate(ctx.withInput(result));
            assigned.properties().forEach(e -> variables.put(e.getKey(), e.getValue()));
        }
        JsonNode withResult = state.has("ResultPath") && state.get("ResultPath").isNull() ? rawInput
                : ResultPaths.merge(Path.compile(state.path("ResultPath").asText("$")), rawInput, result);
        EvalContext outCtx = ctx.withInput(withResult);
        return optionalPath(state, "OutputPath").map(p -> p.read(outCtx)).orElse(emptyIfNull(state, "OutputPath", withResult));
    }

    /** Error or Cause: literal, or ErrorPath/CausePath (a path or an intrinsic call) evaluated on the input. */
    private static String failField(JsonNode state, String field, EvalContext ctx) {
        if (state.has(field)) {
            return state.get(field).asText();
        }
        if (state.has(field + "Path")) {
            return ValueExpression.compile(state.get(field + "Path").asText()).evaluate(ctx, field + "Path").asText();
        }
        return null;
    }

    private static Optional<Path> optionalPath(JsonNode state, String field) {
        JsonNode v = state.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(Path.compile(v.asText()));
    }

    /** A field given as null means {} (InputPath/OutputPath); an absent one means $. */
    private static JsonNode emptyIfNull(JsonNode state, String field, JsonNode whole) {
        return state.has(field) ? JsonNodeFactory.instance.objectNode() : whole;
    }

    /** The context object with the placeholders the corpus recorded in place of real names and times. */
    static JsonNode contextObject(JsonNode input, String stateName) {
        ObjectNode co = JsonNodeFactory.instance.objectNode();
        ObjectNode execution = co.putObject("Execution");
        execution.put("Id", "arn:<partition>:states:<region>:111111111111:execution:<ArnPart_0idx>:<ExecArnPart_0idx>");
        execution.set("Input", input);
        execution.put("StartTime", "date");
        execution.put("Name", "<ExecArnPart_0idx>");
        execution.put("RoleArn", "snf_role_arn");
        execution.put("RedriveCount", 0);
        ObjectNode machine = co.putObject("StateMachine");
        machine.put("Id", "arn:<partition>:states:<region>:111111111111:stateMachine:<ArnPart_0idx>");
        machine.put("Name", "<ArnPart_0idx>");
        ObjectNode state = co.putObject("State");
        state.put("Name", stateName);
        state.put("EnteredTime", "date");
        return co;
    }
}
