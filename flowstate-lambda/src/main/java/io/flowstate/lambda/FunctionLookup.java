package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Finds the function a request names, as Lambda does: by name, ARN or partial ARN, with the qualifier from the
 * name or from {@code ?Qualifier=} (which must agree), only {@code $LATEST} existing here. Anything else is
 * ResourceNotFoundException, {@code Function not found: <the ARN asked for>}.
 */
final class FunctionLookup {
    private static final String QUALIFIER_PATTERN = "(|[a-zA-Z0-9$_-]+)";

    private final String region;
    private final String account;
    private final Functions functions;

    FunctionLookup(String region, String account, Functions functions) {
        this.region = requireNonNull(region, "region is null");
        this.account = requireNonNull(account, "account is null");
        this.functions = requireNonNull(functions, "functions is null");
    }

    /** The qualifier a request means: from the function name or {@code ?Qualifier=}, checked to agree. */
    static Optional<String> qualifier(FunctionRef ref, Optional<String> query) {
        query.ifPresent(q -> {
            if (q.length() > 128) {
                throw LambdaException.validation("qualifier", q, "Member must have length less than or equal to 128");
            }
            if (!q.matches(QUALIFIER_PATTERN)) {
                throw LambdaException.validation("qualifier", q, "Member must satisfy regular expression pattern: "
                        + QUALIFIER_PATTERN);
            }
        });
        if (ref.qualifier().isPresent() && query.isPresent() && !ref.qualifier().equals(query)) {
            throw LambdaError.INVALID_PARAMETER_VALUE.exception(
                    "The derived qualifier from the function name does not match the specified qualifier.");
        }
        return ref.qualifier().or(() -> query);
    }

    /** The function for {@code ref} and {@code qualifier}, or Lambda's ResourceNotFoundException. */
    Deployed resolve(FunctionRef ref, Optional<String> qualifier) {
        return find(ref, qualifier).orElseThrow(() -> notFound(ref, qualifier));
    }

    /** The function for {@code ref} and {@code qualifier}, if there is one. */
    Optional<Deployed> find(FunctionRef ref, Optional<String> qualifier) {
        boolean latest = qualifier.map("$LATEST"::equals).orElse(true);
        return ref.isLocal(region, account) && latest ? functions.find(ref.name()) : Optional.empty();
    }

    /** The ARN an invocation came in by, with its qualifier if it had one. */
    String invokedArn(FunctionRef ref, Optional<String> qualifier) {
        return ref.arn(region, account) + qualifier.map(q -> ":" + q).orElse("");
    }

    LambdaException notFound(FunctionRef ref, Optional<String> qualifier) {
        return LambdaError.RESOURCE_NOT_FOUND.exception("Function not found: " + invokedArn(ref, qualifier));
    }
}
