package io.flowstate.lambda;

import java.util.List;

/** CreateFunction's check of {@code Runtime}: a runtime Lambda knows, and one this server can run. */
final class Runtimes {
    /** The runtimes AWS Lambda currently accepts for new functions. */
    static final List<String> AWS = List.of("nodejs18.x", "nodejs20.x", "nodejs22.x", "nodejs24.x", "python3.9",
            "python3.10", "python3.11", "python3.12", "python3.13", "python3.14", "java8.al2", "java11", "java17",
            "java21", "java25", "dotnet8", "ruby3.2", "ruby3.3", "ruby3.4", "provided.al2", "provided.al2023");

    private Runtimes() {}

    /**
     * Accepts {@code runtime} or throws InvalidParameterValueException: with Lambda's message for a name it does
     * not know, and with this server's limits for one it knows but cannot run without Docker.
     */
    static Language check(String runtime) {
        if (!AWS.contains(runtime)) {
            throw LambdaError.INVALID_PARAMETER_VALUE.exception("Value " + runtime + " at 'runtime' failed to satisfy"
                    + " constraint: Member must satisfy enum value set: " + AWS + " or be a valid ARN");
        }
        return Language.of(runtime).orElseThrow(() -> LambdaError.INVALID_PARAMETER_VALUE.exception("Runtime "
                + runtime + " is not supported by this local Lambda server: it runs python3.x and nodejs*.x"
                + " functions in local processes (Java functions in process, through LambdaServer.builder())."));
    }
}
