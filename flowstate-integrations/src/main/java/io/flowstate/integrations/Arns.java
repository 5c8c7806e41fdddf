package io.flowstate.integrations;

/** ARN arithmetic the integrations need. */
final class Arns {
    private Arns() {}

    /**
     * The state machine of an execution ARN ({@code arn:aws:states:R:A:execution:MACHINE:NAME}, or an express
     * execution's {@code express:} form, or a Map Run child's longer one).
     */
    static String stateMachineOf(String executionArn) {
        String[] p = executionArn.split(":");
        if (p.length < 7) {
            return executionArn;
        }
        return String.join(":", p[0], p[1], p[2], p[3], p[4], "stateMachine", p[6]);
    }
}
