package io.flowstate.integrations.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link Connection} from what EventBridge gives about it: the connection's secret (the values
 * {@code DescribeConnection} leaves out: API key value, password, client secret) and its
 * {@code DescribeConnection} response (names, endpoint, method, invocation parameters).
 *
 * <p>Names are matched ignoring case and underscores, so the secret's snake_case members ({@code api_key_value},
 * {@code client_parameters.client_id}, {@code invocation_http_parameters.header_parameters[].key}, as moto and
 * LocalStack store them) and the API's PascalCase ones ({@code ApiKeyValue}, {@code ClientParameters.ClientID})
 * are read alike; AWS documents no layout for the secret, so both flat and nested placements are looked up.
 */
final class ConnectionSecret {
    private static final JsonNode MISSING = MissingNode.getInstance();

    private ConnectionSecret() {}

    /** The connection {@code arn} of {@code type}, from its {@code secret} and {@code described} JSON. */
    static Connection read(String arn, String type, JsonNode secret, JsonNode described) {
        JsonNode auth = at(described, "AuthParameters").orElse(MISSING);
        Connection.Auth credentials = switch (type) {
            case "API_KEY" -> new Connection.ApiKey(
                    required(arn, text(secret, "ApiKeyName").or(() -> text(auth, "ApiKeyAuthParameters", "ApiKeyName")),
                            "ApiKeyName"),
                    required(arn, text(secret, "ApiKeyValue"), "ApiKeyValue"));
            case "BASIC" -> new Connection.Basic(
                    required(arn, text(secret, "Username").or(() -> text(auth, "BasicAuthParameters", "Username")),
                            "Username"),
                    required(arn, text(secret, "Password"), "Password"));
            case "OAUTH_CLIENT_CREDENTIALS" -> oauth(arn, secret, at(auth, "OAuthParameters")
                    .orElse(MISSING));
            default -> throw new HttpFailure("Events.ConnectionResource.InvalidConnectionState",
                    "The connection '" + arn + "' has the authorization type '" + type + "', which is not supported.");
        };
        JsonNode invocation = at(secret, "InvocationHttpParameters")
                .or(() -> at(auth, "InvocationHttpParameters")).orElse(MISSING);
        return new Connection(arn, credentials, parameters(invocation, "HeaderParameters", NamedValues.headers()),
                parameters(invocation, "QueryStringParameters", NamedValues.query()),
                parameters(invocation, "BodyParameters", NamedValues.query()));
    }

    private static Connection.OAuthClientCredentials oauth(String arn, JsonNode secret, JsonNode described) {
        JsonNode http = at(secret, "OAuthHttpParameters").or(() -> at(described, "OAuthHttpParameters"))
                .orElse(MISSING);
        return new Connection.OAuthClientCredentials(
                required(arn, text(secret, "ClientID").or(() -> text(secret, "ClientParameters", "ClientID"))
                        .or(() -> text(described, "ClientParameters", "ClientID")), "ClientID"),
                required(arn, text(secret, "ClientSecret").or(() -> text(secret, "ClientParameters", "ClientSecret")),
                        "ClientSecret"),
                required(arn, text(secret, "AuthorizationEndpoint").or(() -> text(described, "AuthorizationEndpoint")),
                        "AuthorizationEndpoint"),
                text(secret, "HttpMethod").or(() -> text(described, "HttpMethod")).orElse("POST"),
                parameters(http, "HeaderParameters", NamedValues.headers()),
                parameters(http, "QueryStringParameters", NamedValues.query()),
                parameters(http, "BodyParameters", NamedValues.query()));
    }

    /** {@code [{"Key": k, "Value": v}, ...]} under {@code name}; a parameter whose value is hidden is left out. */
    private static NamedValues parameters(JsonNode holder, String name, NamedValues empty) {
        NamedValues out = empty;
        for (JsonNode p : at(holder, name).orElse(MISSING)) {
            Optional<String> key = text(p, "Key");
            Optional<String> value = text(p, "Value");
            if (key.isPresent() && value.isPresent()) {
                out = out.with(key.get(), List.of(value.get()));
            }
        }
        return out;
    }

    private static String required(String arn, Optional<String> value, String what) {
        return value.orElseThrow(() -> new HttpFailure("Events.ConnectionResource.InvalidConnectionState",
                "The connection '" + arn + "' has no " + what + " in its authorization parameters."));
    }

    private static Optional<String> text(JsonNode node, String... path) {
        return at(node, path).filter(JsonNode::isValueNode).map(JsonNode::asText);
    }

    /** The member at {@code path}, each step matched ignoring case and underscores. */
    private static Optional<JsonNode> at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String step : path) {
            JsonNode next = null;
            for (Map.Entry<String, JsonNode> member : current.properties()) {
                if (normal(member.getKey()).equals(normal(step))) {
                    next = member.getValue();
                }
            }
            if (next == null || next.isNull()) {
                return Optional.empty();
            }
            current = next;
        }
        return Optional.of(current);
    }

    private static String normal(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
