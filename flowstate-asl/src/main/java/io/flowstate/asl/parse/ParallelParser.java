package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.model.ParallelState;
import io.flowstate.asl.model.State;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.model.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code Parallel}: a non-empty list of branches, each a nested state machine; Arguments in JSONata mode. */
final class ParallelParser {
    private ParallelParser() {}

    static Optional<State> parse(StateInput in) {
        FieldReader r = in.fields();
        r.require("Branches");
        Optional<Template> arguments = in.jsonata()
                ? r.value("Arguments").flatMap(a -> Expressions.jsonataTemplate(a, r.at("Arguments"), in.out()))
                : Optional.empty();
        var retry = RetryParser.parse(r);
        var catchers = CatchParser.parse(r, in.language());
        Optional<ArrayNode> arr = r.array("Branches");
        if (arr.isEmpty()) {
            return Optional.empty();
        }
        if (arr.get().isEmpty()) {
            in.out().schema(Messages.valueCannotBeEmpty(), r.at("Branches"));
            return Optional.empty();
        }
        List<StateMachine> branches = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < arr.get().size(); i++) {
            JsonNode n = arr.get().get(i);
            String loc = Diagnostics.index(r.at("Branches"), i);
            if (!n.isObject()) {
                in.out().schema(Messages.wrongType("Branches", "an ARRAY of OBJECT"), loc);
                ok = false;
                continue;
            }
            Optional<StateMachine> b = MachineParser.nested((ObjectNode) n, loc, in.ctx(), MachineParser.Kind.BRANCH);
            b.ifPresent(branches::add);
            ok &= b.isPresent();
        }
        return ok
                ? Optional.of(new ParallelState(in.common(), in.transition(), in.io(), arguments, branches, retry,
                        catchers))
                : Optional.empty();
    }
}
