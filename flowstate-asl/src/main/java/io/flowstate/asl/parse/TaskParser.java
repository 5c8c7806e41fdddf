package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.model.IntSource;
import io.flowstate.asl.model.State;
import io.flowstate.asl.model.TaskState;
import io.flowstate.asl.model.Template;
import java.util.Optional;

/** {@code Task}: Resource, JSONata Arguments, timeouts, heartbeats, Credentials, Retry and Catch. */
final class TaskParser {
    private static final long MAX_SECONDS = 99_999_999L;

    private TaskParser() {}

    static Optional<State> parse(StateInput in) {
        FieldReader r = in.fields();
        r.require("Resource");
        Optional<String> resource = r.string("Resource");
        resource.ifPresent(res -> ResourceRules.check(res, r.at("Resource"), in.ctx().type, in.out()));
        Optional<Template> arguments = in.jsonata()
                ? r.value("Arguments").flatMap(a -> Expressions.jsonataTemplate(a, r.at("Arguments"), in.out()))
                : Optional.empty();
        Optional<IntSource> timeout = Sources.integer(r, "TimeoutSeconds", "TimeoutSecondsPath", in.language(), 1,
                MAX_SECONDS);
        Optional<IntSource> heartbeat = Sources.integer(r, "HeartbeatSeconds", "HeartbeatSecondsPath",
                in.language(), 1, MAX_SECONDS);
        if (timeout.orElse(null) instanceof IntSource.Literal t && heartbeat.orElse(null) instanceof IntSource.Literal h
                && h.value() >= t.value()) {
            in.out().schema(Messages.heartbeatNotBelowTimeout(), r.at("HeartbeatSeconds"));
        }
        Optional<Template> credentials = credentials(r, in);
        var retry = RetryParser.parse(r);
        var catchers = CatchParser.parse(r, in.language());
        return resource.map(res -> new TaskState(in.common(), in.transition(), in.io(), res, arguments, timeout,
                heartbeat, retry, catchers, credentials));
    }

    /** {@code Credentials} must name the role to assume: {@code RoleArn} (or {@code RoleArn.$} in JSONPath). */
    private static Optional<Template> credentials(FieldReader r, StateInput in) {
        if (!r.has("Credentials")) {
            return Optional.empty();
        }
        Optional<ObjectNode> c = r.object("Credentials");
        if (c.isPresent() && !c.get().has("RoleArn") && (in.jsonata() || !c.get().has("RoleArn.$"))) {
            in.out().schema(Messages.requiredButMissing("RoleArn"), r.at("Credentials"));
            return Optional.empty();
        }
        // Compiled like any payload template: RoleArn.$ reads the input or the context, {% %} is JSONata.
        return c.flatMap(o -> in.jsonata() ? Expressions.jsonataTemplate(o, r.at("Credentials"), in.out(), StatesScope.INPUT)
                : Expressions.template(o, r.at("Credentials"), in.out()));
    }
}
