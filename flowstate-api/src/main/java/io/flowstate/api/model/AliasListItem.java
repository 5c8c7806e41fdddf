package io.flowstate.api.model;

import java.time.Instant;

/** An alias in ListStateMachineAliases. */
public record AliasListItem(String stateMachineAliasArn, Instant creationDate) {}
