package io.flowstate.asl.expr;

import java.util.Set;

/**
 * Rewrites the body of a JSONPath filter ({@code @.kind==book}) so that an unquoted word compared with a
 * symbolic operator becomes a string literal ({@code @.kind=='book'}), as AWS reads it.
 *
 * <p>Why: AWS accepts {@code $.items[?(@.kind==book)]} at CreateStateMachine and compares {@code kind} with the
 * string {@code "book"}. AWS's own sample behind the compute blog post "Using JSONPath effectively in AWS Step
 * Functions" ({@code aws-samples/serverless-account-signup-service}) selects the home insurance interests with
 * {@code "InputPath": "$..interests[?(@.category==home)]"}, and {@code aws-samples/aws-batch-runtime-monitoring}
 * ran on {@code attributes[?(@.name==ecs.availability-zone)].value}. This is how Jayway JsonPath 2.0 (the library AWS
 * is widely reported to use) read an operand that is neither a path, JSON, a number nor {@code true}/{@code false}/{@code null};
 * Jayway 2.1 and later refuse such a filter, so the word is quoted here before Jayway compiles the path.
 *
 * <p>Only the operand right of {@code ==, !=, <, <=, >, >=} (and {@code ===}, {@code !==}) is rewritten; quoted
 * strings and regular expressions are copied untouched, so a word inside them is never quoted.
 */
final class FilterLiterals {
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=", "===", "!==");
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null");

    private FilterLiterals() {}

    /** The filter body (the text between {@code [?(} and {@code )]}) with bare words quoted. */
    static String quoteBareWords(String body) {
        StringBuilder out = new StringBuilder(body.length() + 8);
        int i = 0;
        int n = body.length();
        boolean regexNext = false;
        while (i < n) {
            char c = body.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closingQuote(body, i);
                out.append(body, i, end);
                i = end;
            } else if (c == '/' && regexNext) {
                int end = closingQuote(body, i);
                out.append(body, i, end);
                i = end;
                regexNext = false;
            } else if (isOperatorChar(c)) {
                int start = i;
                while (i < n && isOperatorChar(body.charAt(i))) {
                    i++;
                }
                String op = body.substring(start, i);
                out.append(op);
                regexNext = op.equals("=~");
                if (COMPARISONS.contains(op)) {
                    while (i < n && body.charAt(i) == ' ') {
                        out.append(' ');
                        i++;
                    }
                    i = operand(body, i, out);
                }
            } else {
                if (c != ' ') {
                    regexNext = false;
                }
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Copies the operand at {@code i}, quoting it when it is a bare word; returns the index after it. */
    private static int operand(String body, int i, StringBuilder out) {
        int n = body.length();
        if (i >= n || !isBareWordStart(body.charAt(i))) {
            return i;
        }
        int end = i;
        while (end < n && !isBareWordEnd(body.charAt(end))) {
            end++;
        }
        String word = body.substring(i, end);
        if (KEYWORDS.contains(word)) {
            out.append(word);
        } else {
            out.append('\'').append(word.replace("'", "\\'")).append('\'');
        }
        return end;
    }

    /** A bare word starts with anything that is not a path, quote, number, JSON literal or regular expression. */
    private static boolean isBareWordStart(char c) {
        return !(c == '@' || c == '$' || c == '\'' || c == '"' || c == '-' || c == '.' || c == '[' || c == '{'
                || c == '/' || c == '(' || c == ')' || Character.isDigit(c));
    }

    private static boolean isBareWordEnd(char c) {
        return c == ' ' || c == ')' || c == '&' || c == '|';
    }

    private static boolean isOperatorChar(char c) {
        return c == '=' || c == '!' || c == '<' || c == '>' || c == '~';
    }

    /** The index after the quote (or slash) closing the one at {@code open}; backslash escapes the next char. */
    private static int closingQuote(String s, int open) {
        char q = s.charAt(open);
        int i = open + 1;
        while (i < s.length() && s.charAt(i) != q) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, s.length());
    }
}
