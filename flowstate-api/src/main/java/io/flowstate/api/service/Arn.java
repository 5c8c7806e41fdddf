package io.flowstate.api.service;

import static java.util.Objects.requireNonNull;

import io.flowstate.api.ApiException;
import java.util.List;
import java.util.Optional;

/**
 * A Step Functions ARN taken apart: {@code arn:PARTITION:states:REGION:ACCOUNT:TYPE:PART[:PART...]}, where TYPE is
 * {@code stateMachine}, {@code execution}, {@code express}, {@code activity} or {@code mapRun}. Parsing answers
 * AWS's {@code InvalidArn} messages: a malformed ARN, or one of a type the operation does not take.
 */
public record Arn(String text, String region, String account, String type, List<String> parts) {
    public Arn {
        requireNonNull(text, "text is null");
        requireNonNull(region, "region is null");
        requireNonNull(account, "account is null");
        requireNonNull(type, "type is null");
        parts = List.copyOf(parts);
    }

    /** Parses {@code text}, which must be a Step Functions ARN of one of {@code types}. */
    public static Arn parse(String text, String... types) {
        String[] f = text.split(":", -1);
        if (f.length < 7 || !f[0].equals("arn") || f[1].isEmpty() || !f[2].equals("states")) {
            throw new ApiException.InvalidArn("Invalid Arn: 'Invalid ARN prefix: " + text + "'");
        }
        for (int i = 3; i < f.length; i++) {
            if (f[i].isEmpty() && i != 3) {
                throw new ApiException.InvalidArn("Invalid Arn: '" + text + "'");
            }
        }
        if (!List.of(types).contains(f[5])) {
            throw new ApiException.InvalidArn("Invalid Arn: 'Resource type not valid in this context: " + f[5] + "'");
        }
        return new Arn(text, f[3], f[4], f[5], List.of(f).subList(6, f.length));
    }

    /** The first resource part: the state machine or activity name. */
    public String name() {
        return parts.get(0);
    }

    /** The part after the name ({@code stateMachine:NAME:QUALIFIER}), if any. */
    public Optional<String> qualifier() {
        return parts.size() > 1 ? Optional.of(parts.get(1)) : Optional.empty();
    }
}
