package io.flowstate.integrations;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.sdk.SdkCall;
import io.flowstate.integrations.sdk.SdkService;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code arn:aws:states:::aws-sdk:<service>:<action>[.waitForTaskToken]}: any action of any AWS SDK for Java v2
 * service, parameters and result in the API's PascalCase shapes, no SDK metadata, errors named
 * {@code <ServicePrefix>.<Exception>} as AWS names them for these integrations.
 */
final class AwsSdkIntegration {
    private final SdkCall sdk;

    AwsSdkIntegration(SdkCall sdk) {
        this.sdk = requireNonNull(sdk, "sdk is null");
    }

    TaskOutcome invoke(IntegrationResource r, com.fasterxml.jackson.databind.JsonNode params) {
        SdkService service;
        try {
            service = SdkCall.service(r.service());
        } catch (SdkCall.UnknownActionException e) {
            return TaskOutcome.Failure.of("States.Runtime", e.getMessage());
        }
        try {
            return new TaskOutcome.Success(sdk.call(service, r.action(), params).json());
        } catch (SdkException e) {
            return ServiceErrors.sdkStyle(service.prefix(), e);
        } catch (IllegalArgumentException e) {
            return TaskOutcome.Failure.of("States.Runtime", e.getMessage());
        }
    }
}
