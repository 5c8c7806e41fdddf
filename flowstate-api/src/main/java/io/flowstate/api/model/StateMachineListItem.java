package io.flowstate.api.model;

import java.time.Instant;

/** A state machine in ListStateMachines. */
public record StateMachineListItem(String stateMachineArn, String name, String type, Instant creationDate) {}
