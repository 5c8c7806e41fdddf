package io.flowstate.api.model;

import java.time.Instant;

/** A version in ListStateMachineVersions. */
public record VersionListItem(String stateMachineVersionArn, Instant creationDate) {}
