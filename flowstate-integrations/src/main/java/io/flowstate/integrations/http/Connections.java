package io.flowstate.integrations.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.integrations.sdk.PojoJson;
import io.flowstate.integrations.sdk.SdkCall;
import io.flowstate.integrations.sdk.SdkClients;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ConnectionState;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionResponse;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Resolves an HTTP Task's EventBridge connection with real API calls, routed like every other service call
 * ({@link SdkClients}): EventBridge {@code DescribeConnection} for its state, type and public parameters, then
 * Secrets Manager {@code GetSecretValue} on its {@code SecretArn} for the credentials. Failures are named as AWS
 * names connection errors: {@code Events.ConnectionResource.ResourceNotFound}, {@code .AccessDenied},
 * {@code .ConcurrentModification}, {@code .InternalError}, {@code .AuthInProgress} (an OAuth connection still
 * authorizing) and {@code .InvalidConnectionState} (any other state than {@code AUTHORIZED}).
 */
final class Connections {
    private static final String PREFIX = "Events.ConnectionResource.";

    private final SdkClients clients;

    Connections(SdkClients clients) {
        this.clients = requireNonNull(clients, "clients is null");
    }

    /** The connection named by {@code arn}, or {@link HttpFailure}. */
    Connection resolve(String arn) {
        DescribeConnectionResponse described;
        JsonNode secret;
        try {
            // DescribeConnection takes the name: arn:aws:events:REGION:ACCOUNT:connection/NAME/UUID.
            described = eventBridge().describeConnection(r -> r.name(name(arn)));
            check(arn, described.connectionState());
            String text = secretsManager().getSecretValue(r -> r.secretId(described.secretArn())).secretString();
            secret = text == null ? Json.object() : Json.parse(text);
        } catch (SdkException e) {
            throw failure(e);
        } catch (JsonProcessingException e) {
            throw new HttpFailure(PREFIX + "InternalError", "The secret of the connection '" + arn + "' is not JSON.");
        }
        String type = described.authorizationTypeAsString() == null ? "" : described.authorizationTypeAsString();
        return ConnectionSecret.read(arn, type, secret, PojoJson.write(described));
    }

    private static String name(String arn) {
        int start = arn.indexOf(":connection/");
        if (!arn.startsWith("arn:") || start < 0) {
            throw HttpFailure.runtime("The HTTP Task's ConnectionArn '" + arn
                    + "' is not an EventBridge connection ARN.");
        }
        String rest = arn.substring(start + ":connection/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static void check(String arn, ConnectionState state) {
        if (state == ConnectionState.AUTHORIZED) {
            return;
        }
        String error = state == ConnectionState.AUTHORIZING ? "AuthInProgress" : "InvalidConnectionState";
        throw new HttpFailure(PREFIX + error, "The connection '" + arn + "' is in the state " + state
                + ", not AUTHORIZED.");
    }

    private static HttpFailure failure(SdkException e) {
        if (!(e instanceof AwsServiceException ase)) {
            return new HttpFailure(PREFIX + "InternalError", e.getMessage());
        }
        String code = ase.awsErrorDetails() == null || ase.awsErrorDetails().errorCode() == null ? ""
                : ase.awsErrorDetails().errorCode();
        String message = ase.awsErrorDetails() == null || ase.awsErrorDetails().errorMessage() == null
                ? e.getMessage() : ase.awsErrorDetails().errorMessage();
        String error;
        if (code.equals("ResourceNotFoundException")) {
            error = "ResourceNotFound";
        } else if (code.startsWith("AccessDenied") || ase.statusCode() == 403) {
            error = "AccessDenied";
        } else if (code.equals("ConcurrentModificationException")) {
            error = "ConcurrentModification";
        } else {
            error = "InternalError";
        }
        return new HttpFailure(PREFIX + error, message);
    }

    private EventBridgeClient eventBridge() {
        return (EventBridgeClient) clients.client(SdkCall.service("eventbridge"));
    }

    private SecretsManagerClient secretsManager() {
        return (SecretsManagerClient) clients.client(SdkCall.service("secretsmanager"));
    }
}
