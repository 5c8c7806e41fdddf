package io.flowstate.asl.parse;

/** How serious a {@link Diagnostic} is: an ERROR rejects the definition, a WARNING does not. */
public enum Severity {
    ERROR,
    WARNING
}
