package io.flowstate.api.auth;

import static java.util.Objects.requireNonNull;

/**
 * Why a request was refused before it reached the API, with AWS's error code ({@code __type}), HTTP status and
 * message for it.
 */
public record AuthFailure(int status, String code, String message) {
    public AuthFailure {
        requireNonNull(code, "code is null");
        requireNonNull(message, "message is null");
    }

    static AuthFailure missing() {
        return new AuthFailure(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    static AuthFailure incomplete(String why) {
        return new AuthFailure(400, "IncompleteSignatureException", why);
    }

    static AuthFailure unknownKey() {
        return new AuthFailure(400, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    static AuthFailure badSignature() {
        return new AuthFailure(400, "InvalidSignatureException", "The request signature we calculated does not match the "
                + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
                + "documentation for details.");
    }

    static AuthFailure skewed(String message) {
        return new AuthFailure(400, "InvalidSignatureException", message);
    }
}
