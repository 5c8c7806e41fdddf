package io.flowstate.asl.parse;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** RFC 3339 date-times as AWS accepts them in a Wait {@code Timestamp}: date, 'T', time with seconds, and a zone. */
final class Rfc3339 {
    private static final Pattern SHAPE =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

    private Rfc3339() {}

    static boolean isValid(String s) {
        if (!SHAPE.matcher(s).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(s.toUpperCase(Locale.ROOT));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
