package io.flowstate.conformance;

/**
 * The fixed account, region and role the suite runs under, and the ARNs built from them. The comparator maps
 * exactly these values to the corpus placeholders ({@code 111111111111}, {@code <region>},
 * {@code arn:<partition>:}, {@code snf_role_arn}).
 */
public final class Arns {
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";
    public static final String PARTITION = "aws";
    /** The role every state machine of the suite runs with; the executor reports it in ExecutionStarted. */
    public static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/flowstate-conformance";

    private Arns() {}

    public static String stateMachine(String name) {
        return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + name;
    }

    /** A Standard execution; Express executions use {@code ...:express:<sm>:<name>:<id>} instead. */
    public static String execution(String stateMachineName, String executionName) {
        return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":execution:" + stateMachineName + ":" + executionName;
    }

    public static String lambdaFunction(String name) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
    }
}
