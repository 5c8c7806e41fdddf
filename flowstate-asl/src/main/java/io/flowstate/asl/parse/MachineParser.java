package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.model.QueryLanguage;
import io.flowstate.asl.model.State;
import io.flowstate.asl.model.StateMachine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a state machine object: the definition itself, a Parallel branch or a Map's item processor. Nested
 * machines accept fewer fields (no QueryLanguage, TimeoutSeconds or Version) and inherit the top-level query
 * language. After the states, the graph rules of this machine are checked.
 */
final class MachineParser {
    /** Which kind of machine object is parsed; decides the accepted fields. */
    enum Kind {
        TOP(Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage")),
        BRANCH(Set.of("Comment", "StartAt", "States")),
        ITEM_PROCESSOR(Set.of("Comment", "StartAt", "States", "ProcessorConfig"));

        final Set<String> fields;

        Kind(Set<String> fields) {
            this.fields = fields;
        }
    }

    private static final long MAX_TIMEOUT = 99_999_999L;

    private MachineParser() {}

    static Optional<StateMachine> top(ObjectNode node, ParseContext ctx) {
        return parse(node, "", ctx, Kind.TOP);
    }

    static Optional<StateMachine> nested(ObjectNode node, String location, ParseContext ctx, Kind kind) {
        return parse(node, location, ctx, kind);
    }

    private static Optional<StateMachine> parse(ObjectNode node, String location, ParseContext ctx, Kind kind) {
        FieldReader r = new FieldReader(node, location, ctx.out);
        r.require("States", "StartAt");
        r.rejectUnknown(kind.fields);
        Optional<Long> timeout = Optional.empty();
        Optional<String> version = Optional.empty();
        if (kind == Kind.TOP) {
            StateParser.parseLanguage(r).ifPresent(q -> ctx.topLanguage = q);
            var t = r.integer("TimeoutSeconds", 1, MAX_TIMEOUT);
            timeout = t.isPresent() ? Optional.of(t.getAsLong()) : Optional.empty();
            version = r.string("Version");
        }
        Optional<String> comment = r.string("Comment");
        Optional<String> startAt = r.string("StartAt");
        Optional<ObjectNode> statesNode = r.object("States");
        if (statesNode.isEmpty()) {
            return Optional.empty();
        }
        ctx.graphChecks.add(() -> GraphValidator.validate(statesNode.get(), startAt, location, ctx.out));
        Map<String, State> states = states(statesNode.get(), r.at("States"), ctx);
        if (states.size() != statesNode.get().size() || startAt.isEmpty() || states.isEmpty()
                || !states.containsKey(startAt.get())) {
            return Optional.empty();
        }
        QueryLanguage lang = ctx.topLanguage;
        return Optional.of(new StateMachine(comment, startAt.get(), states, timeout, lang, version));
    }

    private static Map<String, State> states(ObjectNode node, String location, ParseContext ctx) {
        Map<String, State> states = new LinkedHashMap<>();
        if (node.isEmpty()) {
            ctx.out.schema(Messages.valueCannotBeEmpty(), location);
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            String at = Diagnostics.child(location, name);
            if (name.isEmpty() || name.codePointCount(0, name.length()) > 80) {
                ctx.out.error(Codes.INVALID_STATE_NAME, Messages.stateNameTooLong(name), at);
            }
            if (!ctx.stateNames.add(name)) {
                ctx.out.error(Codes.DUPLICATE_STATE_NAME, Messages.duplicateStateName(name), at);
            }
            if (!e.getValue().isObject()) {
                ctx.out.schema(Messages.wrongType(name, "an OBJECT"), at);
                continue;
            }
            StateParser.parse(name, (ObjectNode) e.getValue(), at, ctx).ifPresent(s -> states.put(name, s));
        }
        return states;
    }
}
