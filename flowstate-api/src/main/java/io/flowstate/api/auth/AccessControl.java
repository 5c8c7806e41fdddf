package io.flowstate.api.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.codec.ResponseEncoder;
import io.flowstate.api.model.ApiRequest;
import io.flowstate.asl.json.Json;
import java.util.Optional;

/**
 * Who may call the API: authentication ({@link Authenticator}), then, with {@code --policies}, authorisation of
 * the request's action ({@code states:<Operation>}) on its resource ({@link RequestResource}) by the signing key's
 * policies. Checked before the API decodes the request, so a refused request changes nothing.
 */
public final class AccessControl {
    /** Every request served: {@code --auth none}. */
    public static final AccessControl OPEN = new AccessControl(Authenticator.NONE, Optional.empty(), "", "");

    private final Authenticator auth;
    private final Optional<Policies> policies;
    private final String region;
    private final String account;

    /** {@code policies} apply to requests signed with a key; {@code region}/{@code account} make create ARNs. */
    public AccessControl(Authenticator auth, Optional<Policies> policies, String region, String account) {
        this.auth = requireNonNull(auth, "auth is null");
        this.policies = requireNonNull(policies, "policies is null");
        this.region = requireNonNull(region, "region is null");
        this.account = requireNonNull(account, "account is null");
    }

    /** Whether the check costs nothing (every request served). */
    public boolean open() {
        return auth == Authenticator.NONE && policies.isEmpty();
    }

    /**
     * Empty when {@code key} may make {@code request} (always, without policies): the console's check for the key
     * its user signed in with, by the same rules as a signed request's. The action is {@code states:} and the
     * operation (the request record's enclosing type), the resource is derived from the request's fields as from
     * the API's JSON body.
     */
    public Optional<AuthFailure> authorize(AccessKeys.Key key, ApiRequest request) {
        requireNonNull(key, "key is null");
        if (policies.isEmpty()) {
            return Optional.empty();
        }
        String operation = request.getClass().getEnclosingClass().getSimpleName();
        JsonNode body = ResponseEncoder.encode((Record) request);
        return policies.get().authorize(key, account, "states:" + operation,
                RequestResource.of(operation, body, region, account));
    }

    /** Empty when the request may be served; {@code operation} is the X-Amz-Target's operation name. */
    public Optional<AuthFailure> check(SignedRequest request, String operation) {
        Verdict v = auth.check(request);
        if (v instanceof Verdict.Refused r) {
            return Optional.of(r.failure());
        }
        Optional<AccessKeys.Key> key = ((Verdict.Accepted) v).key();
        if (policies.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        JsonNode body;
        try {
            body = Json.parse(new String(request.body(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty(); // the API answers a malformed body with its own error; it acts on nothing
        }
        return policies.get().authorize(key.get(), account, "states:" + operation,
                RequestResource.of(operation, body, region, account));
    }
}
