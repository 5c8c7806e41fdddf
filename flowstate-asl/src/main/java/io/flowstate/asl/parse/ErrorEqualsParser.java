package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ErrorEquals} of a Retry or Catch entry, and the rule that {@code States.ALL} stands alone in it and
 * only in the last entry (later entries could never match).
 */
final class ErrorEqualsParser {
    static final String ALL = "States.ALL";

    private ErrorEqualsParser() {}

    /** The error names; empty when the field is missing or malformed (reported). */
    static Optional<List<String>> parse(FieldReader r) {
        if (!r.has("ErrorEquals")) {
            return Optional.empty();
        }
        return r.array("ErrorEquals").flatMap(arr -> {
            String at = r.at("ErrorEquals");
            if (arr.isEmpty()) {
                r.out().schema(Messages.valueCannotBeEmpty(), at);
                return Optional.empty();
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < arr.size(); i++) {
                JsonNode n = arr.get(i);
                if (!n.isTextual()) {
                    r.out().schema(Messages.wrongType("ErrorEquals", "an ARRAY of STRING"), Diagnostics.index(at, i));
                    return Optional.empty();
                }
                names.add(n.textValue());
            }
            if (names.contains(ALL) && names.size() > 1) {
                r.out().schema(Messages.statesAllNotAlone(), at);
                return Optional.empty();
            }
            return Optional.of(names);
        });
    }

    /** Reports a States.ALL entry that is not the last of its list ({@code field} is Retry or Catch). */
    static void checkAllIsLast(List<List<String>> entries, String field, String location, Diagnostics out) {
        for (int i = 0; i < entries.size() - 1; i++) {
            if (entries.get(i).contains(ALL)) {
                out.schema(Messages.statesAllNotLast(field), Diagnostics.index(location, i));
            }
        }
    }
}
