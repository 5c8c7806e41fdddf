package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.util.Optional;

/** UpdateMapRun: Changes a running Map Run's concurrency and failure tolerance. */
public final class UpdateMapRun {
    private UpdateMapRun() {}

    /** UpdateMapRun's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 2000) String mapRunArn,
            @Constraint(min = 0) Optional<Integer> maxConcurrency,
            @Constraint(min = 0, max = 100) Optional<Double> toleratedFailurePercentage,
            @Constraint(min = 0) Optional<Long> toleratedFailureCount) implements ApiRequest {}

    /** UpdateMapRun's response members. */
    public record Response() implements ApiResponse {}
}
