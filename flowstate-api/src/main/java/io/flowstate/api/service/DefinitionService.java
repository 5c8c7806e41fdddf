package io.flowstate.api.service;

import io.flowstate.api.model.StateMachineType;
import io.flowstate.api.model.TestState;
import io.flowstate.api.model.ValidateStateMachineDefinition;
import io.flowstate.api.model.ValidationDiagnostic;
import io.flowstate.api.model.ValidationSeverity;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.asl.parse.Diagnostic;
import io.flowstate.asl.parse.ParseResult;
import java.util.List;

/** ValidateStateMachineDefinition and TestState: operations on a definition that create nothing. */
public final class DefinitionService {
    private final TestStateService testStates;

    public DefinitionService(ApiContext ctx, TaskHandler handler) {
        this.testStates = new TestStateService(ctx, handler);
    }

    /** AWS's default and largest page of diagnostics. */
    private static final int MAX_DIAGNOSTICS = 100;

    public ValidateStateMachineDefinition.Response validate(ValidateStateMachineDefinition.Request r) {
        ParseResult parsed = Definitions.parse(r.definition(), r.type().orElse(StateMachineType.STANDARD));
        boolean warnings = r.severity().orElse(ValidationSeverity.ERROR) == ValidationSeverity.WARNING;
        List<ValidationDiagnostic> all = parsed.diagnostics().stream()
                .filter(d -> warnings || d.isError())
                .map(DefinitionService::diagnostic).toList();
        int max = r.maxResults().filter(n -> n > 0).orElse(MAX_DIAGNOSTICS);
        return new ValidateStateMachineDefinition.Response(parsed.isValid() ? "OK" : "FAIL",
                all.subList(0, Math.min(max, all.size())), all.size() > max);
    }

    public TestState.Response testState(TestState.Request r) {
        return testStates.test(r);
    }

    private static ValidationDiagnostic diagnostic(Diagnostic d) {
        return new ValidationDiagnostic(d.severity().name(), d.code(), d.message(), d.location());
    }
}
