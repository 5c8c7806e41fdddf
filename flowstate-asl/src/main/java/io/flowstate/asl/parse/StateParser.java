package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.model.IoSpec;
import io.flowstate.asl.model.QueryLanguage;
import io.flowstate.asl.model.State;
import io.flowstate.asl.model.StateCommon;
import io.flowstate.asl.model.Template;
import io.flowstate.asl.model.Transition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses one state: its Type, query language, the fields every type shares and the field whitelist, then hands
 * over to the parser of its type. Returns empty when the state cannot be built; the diagnostics say why.
 */
final class StateParser {
    private static final List<String> LANGUAGES = List.of("JSONPath", "JSONata");

    private StateParser() {}

    static Optional<State> parse(String name, ObjectNode node, String location, ParseContext ctx) {
        FieldReader r = new FieldReader(node, location, ctx.out);
        if (!r.require("Type")) {
            return Optional.empty();
        }
        JsonNode typeNode = node.get("Type");
        String type = typeNode.isTextual() ? typeNode.textValue() : "";
        if (!FieldSets.TYPES.contains(type)) {
            ctx.out.schema(Messages.oneOfValues("Type", FieldSets.TYPES), r.at("Type"));
            return Optional.empty();
        }
        QueryLanguage lang = language(r, ctx);
        checkFields(r, type, lang);
        StatesScope scope = StatesScope.ofStateType(type);
        StateCommon common = new StateCommon(name, r.string("Comment"), lang, assign(r, lang, scope),
                lang == QueryLanguage.JSONATA ? output(r, scope) : Optional.empty());
        Transition transition = FieldSets.hasTransition(type) ? transition(r) : Transition.END;
        IoSpec io = lang == QueryLanguage.JSONPATH ? IoParser.parse(r, type) : IoSpec.DEFAULT;
        StateInput in = new StateInput(r, lang, ctx, common, transition, io);
        return switch (type) {
            case "Pass" -> PassParser.parse(in);
            case "Task" -> TaskParser.parse(in);
            case "Choice" -> ChoiceParser.parse(in);
            case "Wait" -> WaitParser.parse(in);
            case "Succeed" -> Optional.of(new io.flowstate.asl.model.SucceedState(common, io));
            case "Fail" -> FailParser.parse(in);
            case "Parallel" -> ParallelParser.parse(in);
            case "Map" -> MapParser.parse(in);
            default -> throw new IllegalStateException("unreachable: type checked above");
        };
    }

    /**
     * The state's own language, else the machine's. A state may switch a JSONPath machine to JSONata, never
     * the reverse.
     */
    private static QueryLanguage language(FieldReader r, ParseContext ctx) {
        if (!r.has("QueryLanguage")) {
            return ctx.topLanguage;
        }
        Optional<QueryLanguage> own = parseLanguage(r);
        if (own.isEmpty()) {
            return ctx.topLanguage;
        }
        if (own.get() == QueryLanguage.JSONPATH && ctx.topLanguage == QueryLanguage.JSONATA) {
            ctx.out.schema(Messages.cannotDowngradeQueryLanguage(), r.location());
            return ctx.topLanguage;
        }
        return own.get();
    }

    /** Reads a {@code QueryLanguage} field (state or machine). */
    static Optional<QueryLanguage> parseLanguage(FieldReader r) {
        JsonNode v = r.node().get("QueryLanguage");
        if (v == null) {
            return Optional.empty();
        }
        if (v.isTextual()) {
            for (QueryLanguage q : QueryLanguage.values()) {
                if (q.aslName().equals(v.textValue())) {
                    return Optional.of(q);
                }
            }
        }
        r.out().schema(Messages.oneOfValues("QueryLanguage", LANGUAGES), r.at("QueryLanguage"));
        return Optional.empty();
    }

    private static void checkFields(FieldReader r, String type, QueryLanguage lang) {
        Set<String> other = FieldSets.otherLanguageOnly(type, lang);
        for (String f : r.unknown(FieldSets.allowed(type, lang))) {
            if (other.contains(f)) {
                boolean toJsonata = lang == QueryLanguage.JSONPATH;
                r.out().schema(Messages.fieldOnlyFor(lang.aslName(), f,
                                (toJsonata ? QueryLanguage.JSONATA : QueryLanguage.JSONPATH).aslName()),
                        toJsonata ? r.location() : r.at(f));
            } else {
                r.out().schema(Messages.notSupported(f), r.location());
            }
        }
    }

    /** {@code Assign}: a payload template in JSONPath states, kept raw in JSONata ones. */
    static Optional<Template> assign(FieldReader r, QueryLanguage lang) {
        return assign(r, lang, StatesScope.INPUT);
    }

    /** {@code Assign}, whose JSONata expressions may read the {@code $states} members {@code scope} offers. */
    static Optional<Template> assign(FieldReader r, QueryLanguage lang, StatesScope scope) {
        if (!r.has("Assign")) {
            return Optional.empty();
        }
        Optional<ObjectNode> obj = r.object("Assign");
        if (obj.isEmpty()) {
            return Optional.empty();
        }
        return lang == QueryLanguage.JSONPATH
                ? Expressions.template(obj.get(), r.at("Assign"), r.out())
                : Expressions.jsonataTemplate(obj.get(), r.at("Assign"), r.out(), scope);
    }

    /** JSONata {@code Output}: any JSON value, with {@code {% %}} expressions anywhere inside. */
    static Optional<io.flowstate.asl.jsonata.JsonataTemplate> output(FieldReader r) {
        return output(r, StatesScope.INPUT);
    }

    static Optional<io.flowstate.asl.jsonata.JsonataTemplate> output(FieldReader r, StatesScope scope) {
        return r.value("Output").flatMap(v -> Expressions.jsonata(v, r.at("Output"), r.out(), scope));
    }

    /** Exactly one of {@code "Next": name} and {@code "End": true}. */
    private static Transition transition(FieldReader r) {
        Optional<String> next = r.string("Next");
        Optional<Boolean> end = r.bool("End");
        boolean hasNext = r.has("Next");
        boolean ends = end.orElse(false);
        if (hasNext && r.has("End") || !hasNext && !ends && !(r.has("End") && end.isEmpty())) {
            r.out().schema(Messages.exactlyOne(List.of("Next", "End")), r.location());
        }
        return next.<Transition>map(Transition.Next::new).orElse(Transition.END);
    }
}
