package io.flowstate.asl.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a JSON syntax error into AWS's {@code INVALID_JSON_DESCRIPTION} diagnostic. AWS parses with Jackson and
 * passes its message on, with the source description of the Jackson release it runs ({@code [Source: (String)"...";
 * line: 1, column: 4]}, the text cut after 500 characters); we rebuild that description rather than use ours.
 */
final class JsonSyntax {
    private static final int SNIPPET = 500;
    private static final Pattern UNRECOGNIZED = Pattern.compile("^Unrecognized token '([^']*)'");

    private JsonSyntax() {}

    static Diagnostic diagnostic(JsonProcessingException e, String source) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 1 : loc.getLineNr();
        int column = loc == null ? 1 : loc.getColumnNr();
        String message = e.getOriginalMessage();
        // AWS's Jackson points just after an unrecognized token; ours points at its start.
        Matcher m = UNRECOGNIZED.matcher(message);
        if (m.find()) {
            column += m.group(1).length();
        }
        String where = "[Source: (String)\"" + snippet(source) + "; line: " + line + ", column: " + column + "]";
        return Diagnostic.error(Codes.INVALID_JSON_DESCRIPTION, message + "\n at " + where, where);
    }

    private static String snippet(String source) {
        if (source.length() <= SNIPPET) {
            return source + "\"";
        }
        return source.substring(0, SNIPPET) + "\"[truncated " + (source.length() - SNIPPET) + " chars]";
    }
}
