package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.time.Instant;
import java.util.Optional;

/** DescribeExecution: Describes an execution. */
public final class DescribeExecution {
    private DescribeExecution() {}

    /** DescribeExecution's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String executionArn,
            Optional<IncludedData> includedData) implements ApiRequest {}

    /** DescribeExecution's response members. */
    public record Response(
            String executionArn,
            String stateMachineArn,
            String name,
            String status,
            Instant startDate,
            Optional<Instant> stopDate,
            Optional<String> input,
            Optional<Included> inputDetails,
            Optional<String> output,
            Optional<Included> outputDetails,
            Optional<String> traceHeader,
            Optional<String> mapRunArn,
            Optional<String> error,
            Optional<String> cause,
            Optional<String> stateMachineVersionArn,
            Optional<String> stateMachineAliasArn,
            Optional<Integer> redriveCount,
            Optional<Instant> redriveDate,
            Optional<String> redriveStatus,
            Optional<String> redriveStatusReason) implements ApiResponse {}
}
