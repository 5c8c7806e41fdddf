package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;

/** One target of an alias: a version ARN and the percentage of executions it gets. */
public record RoutingConfigurationListItem(@Constraint(minLength = 1, maxLength = 256) String stateMachineVersionArn,
        @Constraint(min = 0, max = 100) Integer weight) {}
