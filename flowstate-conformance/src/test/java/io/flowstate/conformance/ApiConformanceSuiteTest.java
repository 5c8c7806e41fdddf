package io.flowstate.conformance;

import java.util.Optional;

/**
 * The corpus run through the API: every kind (executions, Express sync runs, validations, TestState and
 * rejections at every operation) against the server in-process, driven by the real AWS SDK v2 client
 * ({@link ApiCaseExecutor}). Its failures are listed in {@code known-failures-api.txt}.
 */
class ApiConformanceSuiteTest extends ConformanceSuite {
    @Override
    Optional<CaseExecutor> executor() {
        return Optional.of(new ApiCaseExecutor());
    }

    @Override
    String knownFailuresFile() {
        return "known-failures-api.txt";
    }

    @Override
    String reportName() {
        return "conformance-api-report";
    }
}
