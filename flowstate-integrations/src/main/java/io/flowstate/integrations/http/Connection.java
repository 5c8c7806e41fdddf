package io.flowstate.integrations.http;

import static java.util.Objects.requireNonNull;

/**
 * An EventBridge connection as an HTTP Task uses it: how it authorizes (with its secret values) and the
 * invocation HTTP parameters it adds to every request, which win over the task's own on a name clash.
 *
 * @param arn the connection ARN
 * @param auth the authorization method and its credentials
 * @param headers {@code InvocationHttpParameters.HeaderParameters}
 * @param query {@code InvocationHttpParameters.QueryStringParameters}
 * @param body {@code InvocationHttpParameters.BodyParameters}, merged into the request body
 */
record Connection(String arn, Auth auth, NamedValues headers, NamedValues query, NamedValues body) {
    Connection {
        requireNonNull(arn, "arn is null");
        requireNonNull(auth, "auth is null");
        requireNonNull(headers, "headers is null");
        requireNonNull(query, "query is null");
        requireNonNull(body, "body is null");
    }

    /** The connection's {@code AuthorizationType} with the credentials it needs. */
    sealed interface Auth permits ApiKey, Basic, OAuthClientCredentials {}

    /** {@code API_KEY}: the header {@code name} carries {@code value}. */
    record ApiKey(String name, String value) implements Auth {
        public ApiKey {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    /** {@code BASIC}: {@code Authorization: Basic base64(username:password)}. */
    record Basic(String username, String password) implements Auth {
        public Basic {
            requireNonNull(username, "username is null");
            requireNonNull(password, "password is null");
        }
    }

    /**
     * {@code OAUTH_CLIENT_CREDENTIALS}: a token from {@code endpoint} (called with {@code method} and the
     * connection's {@code OAuthHttpParameters}), sent as {@code Authorization: Bearer <token>}.
     */
    record OAuthClientCredentials(String clientId, String clientSecret, String endpoint, String method,
            NamedValues headers, NamedValues query, NamedValues body) implements Auth {
        public OAuthClientCredentials {
            requireNonNull(clientId, "clientId is null");
            requireNonNull(clientSecret, "clientSecret is null");
            requireNonNull(endpoint, "endpoint is null");
            requireNonNull(method, "method is null");
            requireNonNull(headers, "headers is null");
            requireNonNull(query, "query is null");
            requireNonNull(body, "body is null");
        }
    }
}
