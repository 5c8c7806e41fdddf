package io.flowstate.testing;

import io.flowstate.engine.task.TaskInvocation;

/** What a Task state's Resource ARN says about how its task ends. */
final class Resources {
    private Resources() {}

    /** {@code arn:PARTITION:states:REGION:ACCOUNT:activity:NAME}: a worker takes and answers the task. */
    static boolean isActivity(String resource) {
        String[] parts = resource.split(":", 7);
        return parts.length == 7 && parts[2].equals("states") && parts[5].equals("activity");
    }

    /** A {@code .waitForTaskToken} integration: the call only submits; the token ends the task. */
    static boolean isCallback(String resource) {
        return resource.endsWith(".waitForTaskToken");
    }

    /**
     * Thrown rather than failing the task: a {@code Catch} of {@code States.ALL} would otherwise turn a missing
     * binding into a quietly different path through the machine.
     */
    static IllegalStateException unbound(TaskInvocation inv) {
        return new IllegalStateException("no task handler is bound to state '" + inv.stateName() + "' (resource '"
                + inv.resource() + "'): bind one with flowstate.task(\"" + inv.stateName() + "\"), "
                + "flowstate.resource(...), flowstate.lambda(...) or flowstate.mockConfig(...)");
    }
}
