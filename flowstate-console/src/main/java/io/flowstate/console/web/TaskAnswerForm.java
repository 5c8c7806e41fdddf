package io.flowstate.console.web;

import static io.flowstate.console.web.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Forms that answer a running Task's token: success with an output, failure with an error and cause, or a
 * heartbeat, through SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat. For a {@code .waitForTaskToken} Task
 * the token is found in the parameters it was scheduled with (where {@code $$.Task.Token} put it); an activity's
 * token is not in the history, so the field is left for the worker's token to be pasted.
 */
final class TaskAnswerForm {
    /** Flowstate's tokens: 48 random bytes in URL-safe base64, not inside a longer run of such characters. */
    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{64}(?![A-Za-z0-9_-])");

    private TaskAnswerForm() {}

    static String render(String executionArn, String state, List<JsonNode> events) {
        Optional<String> token = token(events);
        String self = esc(Paths.execution(executionArn));
        String hidden = "<input type=\"hidden\" name=\"state\" value=\"" + esc(state) + "\">"
                + "<p><label>Task token <input name=\"token\" size=\"70\" class=\"token\" value=\""
                + esc(token.orElse("")) + "\" required></label></p>";
        return "<h3>Answer the task</h3>"
                + (token.isPresent() ? "" : "<p>No task token in this state's parameters; paste the worker's token.</p>")
                + "<div class=\"cols\"><form method=\"post\" action=\"" + self + "\" id=\"task-success-form\">"
                + "<input type=\"hidden\" name=\"action\" value=\"task-success\">" + hidden
                + "<p><label for=\"task-output\">Output (JSON)</label><textarea id=\"task-output\" name=\"output\" rows=\"3\">{}"
                + "</textarea></p><button type=\"submit\" id=\"task-success\">Send success</button></form>"
                + "<form method=\"post\" action=\"" + self + "\" id=\"task-failure-form\">"
                + "<input type=\"hidden\" name=\"action\" value=\"task-failure\">" + hidden
                + "<p><label>Error <input name=\"error\" id=\"task-error\"></label> <label>Cause <input name=\"cause\"></label></p>"
                + "<button type=\"submit\" class=\"danger\" id=\"task-failure\">Send failure</button></form></div>"
                + "<form method=\"post\" action=\"" + self + "\"><input type=\"hidden\" name=\"action\" value=\"task-heartbeat\">"
                + hidden + "<button type=\"submit\" id=\"task-heartbeat\">Send heartbeat</button></form>";
    }

    /** The token in the parameters of the state's last scheduled task, if there is one. */
    static Optional<String> token(List<JsonNode> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            JsonNode e = events.get(i);
            if (e.path("type").asText().endsWith("Scheduled")) {
                for (JsonNode details : e) {
                    if (details.isObject() && details.has("parameters")) {
                        Matcher m = TOKEN.matcher(details.path("parameters").asText());
                        return m.find() ? Optional.of(m.group()) : Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }
}
