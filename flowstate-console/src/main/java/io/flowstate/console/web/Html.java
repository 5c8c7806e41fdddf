package io.flowstate.console.web;

/**
 * HTML escaping for text and attribute values. Every value that comes from a user, a definition or a history
 * goes through {@link #esc} before it reaches a page: state names, inputs and error causes are arbitrary text.
 */
public final class Html {
    private Html() {}

    /** {@code text} safe in element content and in double- or single-quoted attribute values. */
    public static String esc(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (rep != null) {
                    out.append(rep);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
