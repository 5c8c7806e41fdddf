package io.flowstate.api.auth;

/**
 * Decides whether an API request may be served: {@link #NONE} serves every request (the local default, which
 * the server's start line says), {@link SigV4Authenticator} only requests signed with a known access key.
 */
public interface Authenticator {
    /** Serves everyone. */
    Authenticator NONE = request -> Verdict.ANONYMOUS;

    /** Whether the request may be served, and who signed it. */
    Verdict check(SignedRequest request);
}
