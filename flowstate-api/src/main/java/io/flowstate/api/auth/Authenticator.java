package io.flowstate.api.auth;

import java.util.Optional;

/**
 * Decides whether an API request may be served: {@link #NONE} serves every request (the local default, which
 * the server's start line says), {@link SigV4Authenticator} only requests signed with a known access key.
 */
public interface Authenticator {
    /** Serves everyone. */
    Authenticator NONE = request -> Optional.empty();

    /** Empty when the request may be served, else why not. */
    Optional<AuthFailure> check(SignedRequest request);
}
