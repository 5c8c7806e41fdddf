package io.flowstate.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Malformed and half-formed request bodies for the protocol fuzz test. */
final class Fuzz {
    private static final List<String> FIELDS = List.of("name", "definition", "roleArn", "stateMachineArn",
            "executionArn", "activityArn", "input", "output", "taskToken", "maxResults", "nextToken", "tags",
            "type", "statusFilter", "reverseOrder", "includedData", "resourceArn", "tagKeys", "routingConfiguration",
            "stateMachineAliasArn", "stateMachineVersionArn", "mapRunArn", "publish", "error", "cause", "severity",
            "loggingConfiguration", "tracingConfiguration", "includeExecutionData", "description", "revisionId",
            "toleratedFailurePercentage", "maxConcurrency", "workerName");

    private Fuzz() {}

    static byte[] body(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> {
                byte[] b = new byte[rnd.nextInt(64)];
                rnd.nextBytes(b);
                yield b;
            }
            case 1 -> {
                String s = object(rnd, 0);
                yield s.substring(0, rnd.nextInt(s.length() + 1)).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> List.of("[]", "null", "1", "\"s\"", "{\"a\":}", "{}{}", "{\"x\":1,}", "")
                    .get(rnd.nextInt(8)).getBytes(StandardCharsets.UTF_8);
            default -> object(rnd, 0).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String object(Random rnd, int depth) {
        StringBuilder sb = new StringBuilder("{");
        int n = rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(FIELDS.get(rnd.nextInt(FIELDS.size()))).append("\":").append(value(rnd, depth));
        }
        return sb.append('}').toString();
    }

    private static String value(Random rnd, int depth) {
        return switch (rnd.nextInt(depth > 2 ? 8 : 10)) {
            case 0 -> String.valueOf(rnd.nextLong());
            case 1 -> String.valueOf(rnd.nextInt(2000) - 500);
            case 2 -> "1e400";
            case 3 -> rnd.nextBoolean() ? "true" : "null";
            case 4 -> "\"" + "x".repeat(rnd.nextInt(3) == 0 ? 300 : rnd.nextInt(10)) + "\"";
            case 5 -> "\"arn:aws:states:us-east-1:123456789012:" + List.of("stateMachine", "execution", "activity",
                    "mapRun", "express", "bogus").get(rnd.nextInt(6)) + ":a" + (rnd.nextBoolean() ? ":b" : "") + "\"";
            case 6 -> "\"{\\\"StartAt\\\":\\\"A\\\",\\\"States\\\":{\\\"A\\\":{\\\"Type\\\":\\\"Pass\\\",\\\"End\\\":true}}}\"";
            case 7 -> "\"\\u0000 bad name\"";
            case 8 -> "[" + value(rnd, depth + 1) + "," + object(rnd, depth + 1) + "]";
            default -> object(rnd, depth + 1);
        };
    }
}
