package io.flowstate.console.web;

import static io.flowstate.console.web.Html.esc;

/**
 * The frame of every page: head, stylesheet and htmx (both served by the console itself, so pages work offline),
 * the top bar and a main landmark. A skip link comes first for keyboard users.
 */
final class Page {
    private Page() {}

    /** A whole page titled {@code title} around {@code body} (HTML, already escaped where it needs to be). */
    public static String of(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " \u00B7 Flowstate</title>"
                + "<link rel=\"stylesheet\" href=\"" + Paths.ROOT + "assets/console.css\">"
                + "<link rel=\"stylesheet\" href=\"" + Paths.ROOT + "assets/graph.css\">"
                + "<script src=\"" + Paths.ROOT + "assets/htmx.min.js\" defer></script></head><body>"
                + "<a class=\"skip\" href=\"#main\">Skip to content</a>"
                + "<header class=\"top\"><a href=\"" + Paths.ROOT + "\">Flowstate</a> <span>console</span>"
                + SessionMarkup.PLACEHOLDER + "</header>"
                + "<main id=\"main\">" + body + "</main></body></html>";
    }

    /** A page that tells what went wrong (an API error's code and message, or a page that does not exist). */
    public static String error(String code, String message) {
        return of(code, "<h1>" + esc(code) + "</h1><p class=\"banner error\" role=\"alert\">" + esc(message)
                + "</p><p><a href=\"" + Paths.ROOT + "\">All state machines</a></p>");
    }
}
