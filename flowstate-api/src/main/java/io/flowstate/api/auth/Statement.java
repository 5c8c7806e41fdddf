package io.flowstate.api.auth;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One statement of an IAM policy: Allow or Deny, the actions ({@code Action}, or all but {@code NotAction}) on
 * the resources ({@code Resource}, or all but {@code NotResource}). Actions match without regard to case,
 * resources with it; both take {@code *} and {@code ?}.
 */
record Statement(boolean allow, List<String> actions, boolean notAction, List<String> resources, boolean notResource) {
    Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        requireNonNull(actions, "actions is null");
    }

    boolean applies(String action, String resource) {
        boolean actionListed = actions.stream().anyMatch(a -> Wildcards.matches(a, action, true));
        boolean resourceListed = resources.stream().anyMatch(r -> Wildcards.matches(r, resource, false));
        return actionListed != notAction && resourceListed != notResource;
    }
}
