package io.flowstate.conformance;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in engine that answers every case with its own recording (through {@link DenormalisingExecutor}),
 * recognising the case by the state machine name the runner derived from its id. It exercises the suite's
 * plumbing end to end: {@code -Dflowstate.conformance.executor=io.flowstate.conformance.ReplayExecutor} must
 * report every in-process case as passed.
 */
public final class ReplayExecutor implements CaseExecutor {
    private final Map<String, ConformanceCase> byStateMachineName = new HashMap<>();
    private final Map<String, ConformanceCase> rejectedByDefinition = new HashMap<>();

    public ReplayExecutor() {
        Path corpus = CorpusLocation.find().orElseThrow(() -> new IllegalStateException("no corpus"));
        for (ConformanceCase testCase : ConformanceCorpus.load(corpus)) {
            CaseNames names = CaseNames.of(testCase);
            byStateMachineName.put(names.stateMachine(), testCase);
            // Other rejections (of inputs, of extra arguments) share their definitions with valid cases.
            if (testCase.kind() == CaseKind.REJECTED && testCase.operation().orElse("").equals("CreateStateMachine")
                    && !testCase.expected().has("create_state_machine_extra_args")) {
                rejectedByDefinition.put(testCase.stateMachineType() + names.substitute(testCase.definition()), testCase);
            }
        }
    }

    @Override
    public ExecutionResult execute(ExecutionRequest request) {
        ConformanceCase testCase = byStateMachineName.get(request.stateMachineName());
        return new DenormalisingExecutor(testCase).execute(request);
    }

    @Override
    public Optional<Rejection> create(String definition, String type) {
        ConformanceCase testCase = rejectedByDefinition.get(type + definition);
        return testCase == null ? Optional.empty() : new DenormalisingExecutor(testCase).create(definition, type);
    }

    @Override
    public boolean supportsExpressSync() {
        return true;
    }
}
