package io.flowstate.asl.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a path's text into its root ({@code $}, {@code $$}, {@code $name}) and, when the rest is a reference
 * path, its segments. Pure string work done once at compile time, so evaluation never parses.
 */
final class PathParser {
    /** The root, the variable name (or null) and the rest of the text after the root. */
    record Split(Path.Root root, String variable, String rest) {}

    private PathParser() {}

    static Split split(String text) {
        if (text.isEmpty() || text.charAt(0) != '$') {
            throw new ExpressionSyntaxException("The value '" + text + "' is not a valid JSONPath: it must start with '$'");
        }
        if (text.startsWith("$$")) {
            return new Split(Path.Root.CONTEXT, null, text.substring(2));
        }
        if (text.length() == 1 || text.charAt(1) == '.' || text.charAt(1) == '[') {
            return new Split(Path.Root.INPUT, null, text.substring(1));
        }
        int end = 1;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
            end++;
        }
        String name = text.substring(1, end);
        if (!isVariableName(name)) {
            throw new ExpressionSyntaxException("The value '" + text + "' is not a valid JSONPath: '$" + name
                    + "' is neither '$', '$$' nor a variable reference");
        }
        return new Split(Path.Root.VARIABLE, name, text.substring(end));
    }

    private static boolean isVariableName(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The segments of {@code rest} when it only has field names and single indexes, else null (the path then
     * needs the general JSONPath engine). Quoted bracket names keep backslashes as written: AWS reads
     * {@code $['a\"b']} as the key {@code a\"b} (corpus case escape_sequence_parsing-ESCAPE_SEQUENCES_JSONPATH);
     * the backslash only stops the next quote from closing the name.
     */
    static List<PathSegment> referenceSegments(String rest) {
        List<PathSegment> segments = new ArrayList<>();
        int i = 0;
        int n = rest.length();
        while (i < n) {
            char c = rest.charAt(i);
            if (c == '.') {
                int start = i + 1;
                int end = start;
                while (end < n && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
                    char d = rest.charAt(end);
                    if (d == '*' || d == '(' || d == ')' || d == ' ' || d == '\'' || d == '"') {
                        return null;
                    }
                    end++;
                }
                if (end == start) {
                    return null; // ".." (deep scan) or a trailing dot
                }
                segments.add(new PathSegment.Field(rest.substring(start, end)));
                i = end;
            } else if (c == '[') {
                int close = parseBracket(rest, i + 1, segments);
                if (close < 0) {
                    return null;
                }
                i = close + 1;
            } else {
                return null;
            }
        }
        return segments;
    }

    /** Parses one bracket body starting at {@code from}; returns the index of its ']' or -1 if not definite. */
    private static int parseBracket(String s, int from, List<PathSegment> out) {
        int n = s.length();
        if (from >= n) {
            return -1;
        }
        char q = s.charAt(from);
        if (q == '\'' || q == '"') {
            StringBuilder name = new StringBuilder();
            int i = from + 1;
            while (i < n && s.charAt(i) != q) {
                if (s.charAt(i) == '\\' && i + 1 < n) {
                    name.append('\\');
                    i++;
                }
                name.append(s.charAt(i));
                i++;
            }
            if (i + 1 >= n || s.charAt(i + 1) != ']') {
                return -1;
            }
            out.add(new PathSegment.Field(name.toString()));
            return i + 1;
        }
        int i = from;
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        int digits = i;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digits || i >= n || s.charAt(i) != ']' || i - digits > 9) {
            return -1;
        }
        out.add(new PathSegment.Index(Integer.parseInt(s.substring(from, i))));
        return i;
    }
}
