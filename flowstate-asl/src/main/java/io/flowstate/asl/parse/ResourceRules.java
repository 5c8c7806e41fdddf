package io.flowstate.asl.parse;

import java.util.regex.Pattern;

/**
 * What AWS accepts as a Task {@code Resource}, from "Discover service integration patterns in Step Functions"
 * (connect-to-resource.html): "The prefix {@code arn:aws:states:} sets up a namespace that Step Functions uses for
 * integrations ... Legacy integrations to AWS Lambda are the one exception where the Resource value specifies an
 * actual Lambda function resource." So a Resource is one of:
 * <ul>
 *   <li>an optimized integration {@code arn:<partition>:states:::<service>:<action>[.sync|.sync:2|.waitForTaskToken]}
 *       that AWS offers with that pattern ({@link OptimizedIntegrations}); the empty region and account may also
 *       be filled in, as for SDK integrations;</li>
 *   <li>an AWS SDK integration {@code arn:<partition>:states:::aws-sdk:<service>:<action>}, optionally
 *       {@code .waitForTaskToken} ("Run a Job (.sync): Not supported" for SDK integrations);</li>
 *   <li>an activity {@code arn:<partition>:states:<region>:<account>:activity:<name>};</li>
 *   <li>a Lambda function {@code arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]}.</li>
 * </ul>
 * Anything else, an ARN of another service ({@code arn:aws:s3:::bucket}) included, fails with AWS's recorded
 * "The resource provided ... is not recognized" (corpus: {@code arn:aws:states:::dynamodb:query}). AWS SDK
 * service and action names are not checked against AWS's service models: any well-formed name is accepted.
 * EXPRESS machines may not wait for a job ({@code .sync}), a callback ({@code .waitForTaskToken}) or an activity.
 */
final class ResourceRules {
    private static final Pattern SDK = Pattern.compile("aws-sdk:[a-z0-9][a-z0-9-]*:[A-Za-z][A-Za-z0-9]*(\\.waitForTaskToken)?");
    private static final Pattern FUNCTION = Pattern.compile("function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?");
    private static final Pattern ACTIVITY = Pattern.compile("activity:[^:\\s]+");

    private ResourceRules() {}

    static void check(String resource, String location, MachineType type, Diagnostics out) {
        if (!recognized(resource)) {
            out.schema(Messages.resourceNotRecognized(resource), location);
            return;
        }
        if (type == MachineType.EXPRESS) {
            String[] arn = resource.split(":", 7);
            if (arn.length == 7 && arn[2].equals("states") && arn[5].equals("activity")) {
                // Express executions are not durable enough to wait on workers: AWS refuses activities there.
                out.schema("Express state machine does not support Activity ARN", location);
            } else if (resource.endsWith(".waitForTaskToken")) {
                out.schema(Messages.expressUnsupported(".waitForTaskToken"), location);
            } else if (resource.endsWith(".sync") || resource.endsWith(".sync:2")) {
                out.schema(Messages.expressUnsupported(".sync"), location);
            }
        }
    }

    static boolean recognized(String resource) {
        String[] arn = resource.split(":", 6);
        if (arn.length < 6 || !arn[0].equals("arn") || arn[1].isEmpty()) {
            return false;
        }
        boolean regional = !arn[3].isEmpty() && !arn[4].isEmpty();
        return switch (arn[2]) {
            case "lambda" -> regional && FUNCTION.matcher(arn[5]).matches();
            case "states" -> {
                if (regional && ACTIVITY.matcher(arn[5]).matches()) {
                    yield true;
                }
                // "The ::: portion ... denotes empty region and account-id fields which are unnecessary because
                // both are inferred" (connect-to-resource.html): unnecessary, not forbidden. Definitions exported
                // from deployed machines name integrations with them filled in (the workflows collection's
                // script-generator: arn:aws:states:us-east-1:<account>:aws-sdk:s3:getObject); no recording yet.
                yield SDK.matcher(arn[5]).matches() || OptimizedIntegrations.offers(arn[5]);
            }
            default -> false;
        };
    }
}
