package io.flowstate.integrations.route;

import static java.util.Objects.requireNonNull;

/** One line of the routing table: the invocations it takes, and where they go. */
public record Route(Match match, Target target) {
    public Route {
        requireNonNull(match, "match is null");
        requireNonNull(target, "target is null");
    }
}
