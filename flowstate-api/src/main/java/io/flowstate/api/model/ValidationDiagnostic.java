package io.flowstate.api.model;

import java.util.Optional;

/** One ValidateStateMachineDefinition diagnostic. */
public record ValidationDiagnostic(String severity, String code, String message, Optional<String> location) {}
