package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;
import java.time.Instant;
import java.util.Optional;

/** StartSyncExecution: Runs an Express execution to its end and answers with its outcome. */
public final class StartSyncExecution {
    private StartSyncExecution() {}

    /** StartSyncExecution's request members, as the API model names them. */
    public record Request(
            @Constraint(minLength = 1, maxLength = 256) String stateMachineArn,
            @Constraint(minLength = 1, maxLength = 80) Optional<String> name,
            @Constraint(maxLength = 262144, sensitive = true) Optional<String> input,
            @Constraint(maxLength = 256) Optional<String> traceHeader,
            Optional<IncludedData> includedData) implements ApiRequest {}

    /** StartSyncExecution's response members. */
    public record Response(
            String executionArn,
            Optional<String> stateMachineArn,
            Optional<String> name,
            Instant startDate,
            Instant stopDate,
            String status,
            Optional<String> error,
            Optional<String> cause,
            Optional<String> input,
            Optional<Included> inputDetails,
            Optional<String> output,
            Optional<Included> outputDetails,
            Optional<String> traceHeader,
            Optional<BillingDetails> billingDetails) implements ApiResponse {}
}
