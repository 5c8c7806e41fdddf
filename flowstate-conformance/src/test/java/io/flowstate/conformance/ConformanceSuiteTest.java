package io.flowstate.conformance;

import java.util.Optional;

/** The corpus run in-process against the engine's {@link CaseExecutor} ({@link ExecutorLocator}). */
class ConformanceSuiteTest extends ConformanceSuite {
    @Override
    Optional<CaseExecutor> executor() {
        return ExecutorLocator.find();
    }

    @Override
    String knownFailuresFile() {
        return "known-failures.txt";
    }

    @Override
    String reportName() {
        return "conformance-report";
    }
}
