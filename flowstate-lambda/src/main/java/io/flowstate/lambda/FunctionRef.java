package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a request names a function: {@code my-function}, {@code my-function:qualifier},
 * {@code 123456789012:function:my-function} or the full ARN, each optionally qualified, as Lambda accepts them.
 *
 * @param name the function name
 * @param region the region an ARN named, if any
 * @param account the account a (partial) ARN named, if any
 * @param qualifier the version or alias after the name, if any
 */
record FunctionRef(String name, Optional<String> region, Optional<String> account, Optional<String> qualifier) {
    /** The FunctionName pattern of Invoke, GetFunction and DeleteFunction in the Lambda API reference. */
    static final String PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?"
            + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    /** CreateFunction's pattern: no dots in the name. */
    static final String CREATE_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?"
            + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    private static final Pattern ANY = Pattern.compile(PATTERN);
    private static final Pattern CREATE = Pattern.compile(CREATE_PATTERN);
    private static final int MAX_LENGTH = 140;
    private static final int MAX_NAME = 64;

    FunctionRef {
        requireNonNull(name, "name is null");
        requireNonNull(region, "region is null");
        requireNonNull(account, "account is null");
        requireNonNull(qualifier, "qualifier is null");
    }

    /** Parses a function name or ARN from a request path, or throws Lambda's ValidationException. */
    static FunctionRef parse(String text) {
        return parse(text, ANY, PATTERN);
    }

    /** Parses CreateFunction's FunctionName. */
    static FunctionRef parseForCreate(String text) {
        if (text == null) {
            throw LambdaException.validation("functionName", null, "Member must not be null");
        }
        return parse(text, CREATE, CREATE_PATTERN);
    }

    private static FunctionRef parse(String text, Pattern pattern, String shown) {
        if (text.isEmpty()) {
            throw LambdaException.validation("functionName", text, "Member must have length greater than or equal to 1");
        }
        if (text.length() > MAX_LENGTH) {
            throw LambdaException.validation("functionName", text, "Member must have length less than or equal to "
                    + MAX_LENGTH);
        }
        Matcher m = pattern.matcher(text);
        if (!m.matches()) {
            throw LambdaException.validation("functionName", text,
                    "Member must satisfy regular expression pattern: " + shown);
        }
        String name = m.group(10);
        if (name.length() > MAX_NAME) {
            throw LambdaException.validation("functionName", text, "Member must have length less than or equal to "
                    + MAX_NAME);
        }
        Optional<String> region = Optional.ofNullable(m.group(3)).map(r -> r.substring(0, r.length() - 1));
        Optional<String> account = Optional.ofNullable(m.group(8)).map(a -> a.substring(0, a.length() - 1));
        return new FunctionRef(name, region, account, Optional.ofNullable(m.group(12)));
    }

    /** The unqualified ARN this reference means on a server in {@code region} and {@code account}. */
    String arn(String defaultRegion, String defaultAccount) {
        return Arns.function(region.orElse(defaultRegion), account.orElse(defaultAccount), name);
    }

    /** True when an ARN's region and account, if it has them, are the server's. */
    boolean isLocal(String serverRegion, String serverAccount) {
        return region.map(serverRegion::equals).orElse(true) && account.map(serverAccount::equals).orElse(true);
    }
}
