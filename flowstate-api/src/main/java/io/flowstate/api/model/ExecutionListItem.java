package io.flowstate.api.model;

import java.time.Instant;
import java.util.Optional;

/** An execution in ListExecutions. */
public record ExecutionListItem(String executionArn, String stateMachineArn, String name, String status,
        Instant startDate, Optional<Instant> stopDate, Optional<String> mapRunArn, Optional<Integer> itemCount,
        Optional<String> stateMachineVersionArn, Optional<String> stateMachineAliasArn, Optional<Integer> redriveCount,
        Optional<Instant> redriveDate) {}
