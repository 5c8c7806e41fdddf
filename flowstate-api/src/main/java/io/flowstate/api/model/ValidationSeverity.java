package io.flowstate.api.model;

/** The lowest diagnostic severity ValidateStateMachineDefinition reports. */
public enum ValidationSeverity { ERROR, WARNING }
