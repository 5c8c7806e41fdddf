package io.flowstate.integrations;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A Task state's {@code Resource} as the integrations see it: which kind of integration it names, for which
 * service and action, and with which integration pattern.
 *
 * <ul>
 *   <li>{@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]}: a Lambda function called directly;</li>
 *   <li>{@code arn:aws:states:::aws-sdk:SERVICE:ACTION[.PATTERN]}: any AWS SDK service;</li>
 *   <li>{@code arn:aws:states:::SERVICE:ACTION[.PATTERN]}: an optimized integration ({@code lambda:invoke},
 *       {@code sqs:sendMessage}, {@code states:startExecution.sync:2}, {@code http:invoke}, ...).</li>
 * </ul>
 * Anything else (activities, unknown ARNs) is {@link Kind#OTHER}: not the integrations' business.
 */
public record IntegrationResource(Kind kind, String service, String action, Pattern pattern, String arn) {
    /** What the resource names. */
    public enum Kind { LAMBDA_FUNCTION, AWS_SDK, OPTIMIZED, OTHER }

    /** The service integration pattern: AWS's names are the ARN suffixes. */
    public enum Pattern {
        REQUEST_RESPONSE(""), SYNC(".sync"), SYNC2(".sync:2"), WAIT_FOR_TASK_TOKEN(".waitForTaskToken");

        private final String suffix;

        Pattern(String suffix) {
            this.suffix = suffix;
        }

        /** The ARN suffix that selects this pattern. */
        public String suffix() {
            return suffix;
        }
    }

    public IntegrationResource {
        requireNonNull(kind, "kind is null");
        requireNonNull(service, "service is null");
        requireNonNull(action, "action is null");
        requireNonNull(pattern, "pattern is null");
        requireNonNull(arn, "arn is null");
    }

    /** Classifies {@code arn}. */
    public static IntegrationResource parse(String arn) {
        String[] parts = arn.split(":", 7);
        if (parts.length >= 7 && parts[0].equals("arn") && parts[2].equals("lambda") && parts[5].equals("function")) {
            return new IntegrationResource(Kind.LAMBDA_FUNCTION, "lambda", "invoke", Pattern.REQUEST_RESPONSE, arn);
        }
        String prefix = statesPrefix(arn).orElse(null);
        if (prefix == null) {
            return other(arn);
        }
        String rest = arn.substring(prefix.length());
        Pattern pattern = Pattern.REQUEST_RESPONSE;
        for (Pattern p : new Pattern[] {Pattern.SYNC2, Pattern.SYNC, Pattern.WAIT_FOR_TASK_TOKEN}) {
            if (rest.endsWith(p.suffix())) {
                pattern = p;
                rest = rest.substring(0, rest.length() - p.suffix().length());
                break;
            }
        }
        boolean sdk = rest.startsWith("aws-sdk:");
        if (sdk) {
            rest = rest.substring("aws-sdk:".length());
        }
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1 || rest.indexOf(':', colon + 1) >= 0) {
            return other(arn);
        }
        return new IntegrationResource(sdk ? Kind.AWS_SDK : Kind.OPTIMIZED, rest.substring(0, colon),
                rest.substring(colon + 1), pattern, arn);
    }

    /**
     * {@code "arn:<partition>:states:<region>:<account>:"} when the ARN starts with it: the region and account are
     * usually empty ({@code :::}) but may be filled in. An activity ARN has the same prefix and is no integration.
     */
    private static Optional<String> statesPrefix(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !parts[2].equals("states")
                || parts[5].startsWith("activity:")) {
            return Optional.empty();
        }
        return Optional.of(arn.substring(0, arn.length() - parts[5].length()));
    }

    private static IntegrationResource other(String arn) {
        return new IntegrationResource(Kind.OTHER, "", "", Pattern.REQUEST_RESPONSE, arn);
    }
}
