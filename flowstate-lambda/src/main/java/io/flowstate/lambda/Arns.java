package io.flowstate.lambda;

/** Lambda's ARNs, {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}. */
final class Arns {
    private Arns() {}

    static String function(String region, String account, String name) {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
    }
}
