package io.flowstate.asl.parse;

/**
 * A Map {@code Label} names the Map Run of a Distributed Map, so it must be usable inside an ARN: 1 to 40
 * characters, no whitespace, no brackets, wildcards or special characters, no control characters.
 */
final class LabelRules {
    private static final int MAX_LENGTH = 40;
    private static final String FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

    private LabelRules() {}

    static boolean isValid(String label) {
        if (label.isEmpty() || label.codePointCount(0, label.length()) > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (Character.isWhitespace(c) || c <= 0x1F || (c >= 0x7F && c <= 0x9F) || FORBIDDEN.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
