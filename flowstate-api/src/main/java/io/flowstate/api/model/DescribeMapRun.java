package io.flowstate.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.codec.Constraint;
import java.time.Instant;
import java.util.Optional;

/** DescribeMapRun: Describes a Map Run. */
public final class DescribeMapRun {
    private DescribeMapRun() {}

    /** DescribeMapRun's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 2000) String mapRunArn) implements ApiRequest {}

    /** DescribeMapRun's response members. */
    public record Response(
            String mapRunArn,
            String executionArn,
            String status,
            Instant startDate,
            Optional<Instant> stopDate,
            int maxConcurrency,
            double toleratedFailurePercentage,
            long toleratedFailureCount,
            JsonNode itemCounts,
            JsonNode executionCounts,
            int redriveCount,
            Optional<Instant> redriveDate) implements ApiResponse {}
}
