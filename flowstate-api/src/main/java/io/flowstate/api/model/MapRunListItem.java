package io.flowstate.api.model;

import java.time.Instant;
import java.util.Optional;

/** A Map Run in ListMapRuns. */
public record MapRunListItem(String executionArn, String mapRunArn, String stateMachineArn, Instant startDate,
        Optional<Instant> stopDate) {}
