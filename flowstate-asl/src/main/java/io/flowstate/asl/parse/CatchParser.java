package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.expr.Path;
import io.flowstate.asl.model.Catcher;
import io.flowstate.asl.model.QueryLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Catch}: a list of catchers. ResultPath is JSONPath-only and Output JSONata-only, as in states. Whether
 * {@code Next} names a state is the graph validator's job.
 */
final class CatchParser {
    private static final Set<String> COMMON = Set.of("ErrorEquals", "Next", "Assign", "Comment");
    private static final Set<String> JSONPATH = FieldSets.union(COMMON, Set.of("ResultPath"));
    private static final Set<String> JSONATA = FieldSets.union(COMMON, Set.of("Output"));

    private CatchParser() {}

    static List<Catcher> parse(FieldReader state, QueryLanguage lang) {
        List<Catcher> out = new ArrayList<>();
        if (!state.has("Catch")) {
            return out;
        }
        String at = state.at("Catch");
        List<List<String>> names = new ArrayList<>();
        state.array("Catch").ifPresent(arr -> {
            for (int i = 0; i < arr.size(); i++) {
                JsonNode n = arr.get(i);
                String loc = Diagnostics.index(at, i);
                if (!n.isObject()) {
                    state.out().schema(Messages.wrongType("Catch", "an ARRAY of OBJECT"), loc);
                    continue;
                }
                catcher(new FieldReader((ObjectNode) n, loc, state.out()), lang).ifPresent(c -> {
                    out.add(c);
                    names.add(c.errorEquals());
                });
            }
        });
        ErrorEqualsParser.checkAllIsLast(names, "Catch", at, state.out());
        return out;
    }

    private static Optional<Catcher> catcher(FieldReader r, QueryLanguage lang) {
        r.require("ErrorEquals", "Next");
        boolean jsonpath = lang == QueryLanguage.JSONPATH;
        for (String f : r.unknown(jsonpath ? JSONPATH : JSONATA)) {
            if (jsonpath && f.equals("Output")) {
                r.out().schema(Messages.fieldOnlyFor("JSONPath", f, "JSONata"), r.location());
            } else if (!jsonpath && f.equals("ResultPath")) {
                r.out().schema(Messages.fieldOnlyFor("JSONata", f, "JSONPath"), r.at(f));
            } else {
                r.out().schema(Messages.notSupported(f), r.location());
            }
        }
        Optional<List<String>> errors = ErrorEqualsParser.parse(r);
        Optional<String> next = r.string("Next");
        r.string("Comment");
        // A JSONata catcher passes the error output on whole, as ResultPath "$" does.
        Optional<Path> resultPath = jsonpath
                ? IoParser.nullablePath(r, "ResultPath", true)
                : Optional.of(Path.compile("$"));
        var assign = StateParser.assign(r, lang, StatesScope.ERROR_OUTPUT);
        Optional<io.flowstate.asl.jsonata.JsonataTemplate> output = jsonpath ? Optional.empty()
                : StateParser.output(r, StatesScope.ERROR_OUTPUT);
        if (errors.isEmpty() || next.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Catcher(errors.get(), next.get(), resultPath, assign, output));
    }
}
