package io.flowstate.asl.parse;

/**
 * The state machine type a definition is validated for: some rules differ (EXPRESS machines may not use
 * {@code .sync} or {@code .waitForTaskToken} integrations).
 */
public enum MachineType {
    STANDARD,
    EXPRESS
}
