package io.flowstate.api.service;

import io.flowstate.api.ApiException;
import io.flowstate.api.model.RoutingConfigurationListItem;
import io.flowstate.api.service.MachineEntry.Alias;
import io.flowstate.api.service.MachineEntry.Version;

/** What a qualified state machine ARN names: a version (a number) or an alias (a name), and an alias's routing. */
final class Qualifiers {
    private Qualifiers() {}

    /** The version {@code arn} names; ResourceNotFound when there is none. */
    static Version version(MachineEntry e, Arn arn) {
        Version v = arn.qualifier().filter(Qualifiers::isVersion).map(q -> e.versions.get(Integer.parseInt(q)))
                .orElse(null);
        if (v == null) {
            throw new ApiException.ResourceNotFound("Resource not found: '" + arn.text() + "'");
        }
        return v;
    }

    /** The alias {@code arn} names; ResourceNotFound when there is none. */
    static Alias alias(MachineEntry e, Arn arn) {
        Alias a = arn.qualifier().map(e.aliases::get).orElse(null);
        if (a == null) {
            throw new ApiException.ResourceNotFound("Resource not found: '" + arn.text() + "'");
        }
        return a;
    }

    /** True for a version number qualifier (digits), false for an alias name. */
    static boolean isVersion(String qualifier) {
        return !qualifier.isEmpty() && qualifier.length() < 10 && qualifier.chars().allMatch(Character::isDigit);
    }

    /** The version an execution started through {@code a} runs, drawn by the routing weights (they sum to 100). */
    static RoutingConfigurationListItem pick(Alias a) {
        int pick = java.util.concurrent.ThreadLocalRandom.current().nextInt(100);
        int acc = 0;
        for (RoutingConfigurationListItem item : a.routing()) {
            acc += item.weight();
            if (pick < acc) {
                return item;
            }
        }
        return a.routing().get(0);
    }
}
