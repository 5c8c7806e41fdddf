package io.flowstate.integrations.route;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.task.TaskInvocation;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Task invocations a route takes: a Resource ARN pattern ({@code *} matches any run of characters, e.g.
 * {@code arn:aws:states:::sqs:*} or {@code arn:aws:lambda:*:*:function:orders-*}), a state name, or both.
 */
public record Match(Optional<String> resource, Optional<String> state) {
    public Match {
        requireNonNull(resource, "resource is null");
        requireNonNull(state, "state is null");
        if (resource.isEmpty() && state.isEmpty()) {
            throw new IllegalArgumentException("a route must name a resource pattern, a state, or both");
        }
    }

    /** Whether {@code inv} is this route's. */
    public boolean matches(TaskInvocation inv) {
        return resource.map(r -> glob(r).matcher(inv.resource()).matches()).orElse(true)
                && state.map(s -> s.equals(inv.stateName())).orElse(true);
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return resource.map(r -> "resource " + r).orElse("") + (resource.isPresent() && state.isPresent() ? ", " : "")
                + state.map(s -> "state " + s).orElse("");
    }
}
