package io.flowstate.asl.expr;

/**
 * Finds the inline filters ({@code [?(...)]}) of a JSONPath and rewrites each condition with
 * {@link FilterLiterals}, so that an unquoted word compared with {@code ==}, {@code !=}, {@code <}... is a string,
 * as AWS reads it. Text in quotes is skipped; filters nested in a condition are rewritten with it.
 */
final class InlineFilters {
    private InlineFilters() {}

    /** {@code path} with the bare words of its filter conditions quoted; unchanged when it has no filter. */
    static String quoteBareWords(String path) {
        if (!path.contains("?")) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length() + 8);
        int i = 0;
        int n = path.length();
        while (i < n) {
            char c = path.charAt(i);
            if (c == '\'' || c == '"') {
                int end = skipQuoted(path, i);
                out.append(path, i, end);
                i = end;
                continue;
            }
            int open = filterOpen(path, i);
            int close = open < 0 ? -1 : matchingParen(path, open);
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            out.append(path, i, open + 1).append(FilterLiterals.quoteBareWords(path.substring(open + 1, close)));
            i = close;
        }
        return out.toString();
    }

    /** The index of the {@code (} when a filter {@code [?(} (blanks allowed) starts at {@code i}, else -1. */
    private static int filterOpen(String s, int i) {
        if (s.charAt(i) != '[') {
            return -1;
        }
        int q = nextNonBlank(s, i + 1);
        if (q < 0 || s.charAt(q) != '?') {
            return -1;
        }
        int p = nextNonBlank(s, q + 1);
        return p >= 0 && s.charAt(p) == '(' ? p : -1;
    }

    /** The index of the {@code )} closing the one at {@code open}, skipping quoted text; -1 when unbalanced. */
    private static int matchingParen(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(s, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static int nextNonBlank(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) != ' ') {
                return i;
            }
        }
        return -1;
    }

    private static int skipQuoted(String s, int open) {
        char q = s.charAt(open);
        int i = open + 1;
        while (i < s.length() && s.charAt(i) != q) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, s.length());
    }
}
