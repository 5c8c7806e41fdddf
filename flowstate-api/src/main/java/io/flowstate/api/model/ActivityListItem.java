package io.flowstate.api.model;

import java.time.Instant;

/** An activity in ListActivities. */
public record ActivityListItem(String activityArn, String name, Instant creationDate) {}
