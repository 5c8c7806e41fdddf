package io.flowstate.integrations;

import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.sdk.SdkService;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * A Task call its role may not make, failed as AWS fails it: the service's own access-denied error ("User:
 * arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION is not authorized to perform: ACTION on resource: ARN because no
 * identity-based policy allows the ACTION action"), made into the exception the SDK would have thrown and named
 * by the same code as every other service error of that integration ({@link ServiceErrors}): {@code
 * Lambda.AWSLambdaException}, {@code SQS.AmazonSQSException}, {@code SNS.AuthorizationErrorException}, {@code
 * Sqs.SqsException} for {@code aws-sdk:sqs}, {@code States.ItemReaderFailed} for a Distributed Map's reader.
 */
final class AccessDenials {
    private AccessDenials() {}

    /** How a service answers a refused call: its error code, HTTP status and way of writing the action. */
    private record Style(String code, int status, boolean lowerCaseAction, boolean upperCasePrefix, boolean quoted) {}

    private static final Style DEFAULT = new Style("AccessDeniedException", 400, false, false, false);

    private static Style style(String iamPrefix) {
        return switch (iamPrefix) {
            case "lambda" -> new Style("AccessDeniedException", 403, false, false, false);
            case "sqs" -> new Style("AccessDenied", 403, true, false, false);
            case "sns" -> new Style("AuthorizationError", 403, false, true, false);
            case "s3" -> new Style("AccessDenied", 403, false, false, true);
            default -> DEFAULT;
        };
    }

    /** The failure of {@code inv} refused {@code p} by the policies of {@code role}; {@code explicit}: by a Deny. */
    static TaskOutcome.Failure of(TaskInvocation inv, String role, TaskPermissions.Permission p, boolean explicit) {
        String iamPrefix = p.action().substring(0, p.action().indexOf(':'));
        Style style = style(iamPrefix);
        String message = message(principal(role, inv.executionArn()), p, style, explicit);
        IntegrationResource r = IntegrationResource.parse(inv.resource());
        if (inv.readerConfig().isPresent()) {
            String failed = inv.readerConfig().get().has("ResultWriter") ? "States.ResultWriterFailed"
                    : "States.ItemReaderFailed";
            return TaskOutcome.Failure.of(failed, ServiceErrors.message(exception("s3", "S3Exception", "S3", style, message)));
        }
        if (r.kind() == IntegrationResource.Kind.LAMBDA_FUNCTION
                || (r.kind() == IntegrationResource.Kind.OPTIMIZED && r.service().equals("lambda"))) {
            return ServiceErrors.v1Style(LambdaIntegration.ERRORS,
                    exception("lambda", "LambdaException", "Lambda", style, message));
        }
        if (r.kind() == IntegrationResource.Kind.OPTIMIZED && r.service().equals("http")) {
            // The HTTP Task's own words (no service is called to answer it).
            return TaskOutcome.Failure.of("States.TaskFailed", "AWS Step Functions is not authorized to perform "
                    + "states:InvokeHTTPEndpoint on API Endpoint " + inv.input().path("ApiEndpoint").asText()
                    + ". Ensure that the StateMachine role contains the states:InvokeHTTPEndpoint permission for the "
                    + "given API Endpoint");
        }
        if (r.kind() == IntegrationResource.Kind.OPTIMIZED) {
            Optional<OptimizedIntegration.Service> s = Optional.ofNullable(OptimizedIntegration.SERVICES.get(r.service()));
            if (s.isPresent()) {
                String v2 = style.code().equals("AuthorizationError") ? "AuthorizationErrorException"
                        : s.get().errors().v2BaseException();
                return ServiceErrors.v1Style(s.get().errors(),
                        exception(s.get().sdkName(), v2, s.get().errors().errorPrefix(), style, message));
            }
        }
        Optional<SdkService> sdk = r.kind() == IntegrationResource.Kind.AWS_SDK ? SdkService.find(r.service())
                : Optional.empty();
        if (sdk.isPresent()) {
            String v2 = style.code().equals("AuthorizationError") ? "AuthorizationErrorException"
                    : sdk.get().prefix() + "Exception";
            return ServiceErrors.sdkStyle(sdk.get().prefix(),
                    exception(r.service(), v2, sdk.get().prefix(), style, message));
        }
        return TaskOutcome.Failure.of("States.TaskFailed", message);
    }

    /**
     * The session the execution's calls are made in: Step Functions assumes the role once per execution; the
     * session is named here after the execution so that a refusal points at it.
     */
    static String principal(String role, String executionArn) {
        String[] arn = role.split(":", 6);
        String account = arn.length > 4 ? arn[4] : "";
        String name = role.substring(role.lastIndexOf('/') + 1);
        String execution = executionArn.substring(executionArn.lastIndexOf(':') + 1).replaceAll("[^\\w+=,.@-]", "-");
        return "arn:aws:sts::" + account + ":assumed-role/" + name + "/"
                + (execution.length() > 64 ? execution.substring(0, 64) : execution);
    }

    private static String message(String principal, TaskPermissions.Permission p, Style style, boolean explicit) {
        String action = p.action();
        if (style.lowerCaseAction()) {
            action = action.toLowerCase(Locale.ROOT);
        } else if (style.upperCasePrefix()) {
            int colon = action.indexOf(':');
            action = action.substring(0, colon).toUpperCase(Locale.ROOT) + action.substring(colon);
        }
        String resource = style.quoted() ? "\"" + p.resource() + "\"" : p.resource();
        return "User: " + principal + " is not authorized to perform: " + action + " on resource: " + resource
                + (explicit ? " with an explicit deny in an identity-based policy"
                        : " because no identity-based policy allows the " + action + " action");
    }

    /**
     * The exception the service's SDK client would throw: its model class {@code simpleName} of package
     * {@code software.amazon.awssdk.services.<sdkPackage>.model} (the generic one when that is not on the class path).
     */
    private static AwsServiceException exception(String sdkPackage, String simpleName, String serviceName, Style style,
            String message) {
        AwsServiceException.Builder b;
        try {
            Class<?> c = Class.forName("software.amazon.awssdk.services." + sdkPackage + ".model." + simpleName);
            b = (AwsServiceException.Builder) c.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            b = AwsServiceException.builder();
        }
        return b.awsErrorDetails(AwsErrorDetails.builder().errorCode(style.code()).errorMessage(message)
                        .serviceName(serviceName).build())
                .statusCode(style.status()).requestId(UUID.randomUUID().toString()).message(message).build();
    }
}
