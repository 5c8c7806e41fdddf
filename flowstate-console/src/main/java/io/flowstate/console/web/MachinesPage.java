package io.flowstate.console.web;

import static io.flowstate.console.web.Html.esc;

import io.flowstate.api.ApiException;
import io.flowstate.api.model.ListStateMachines;
import io.flowstate.api.model.StateMachineListItem;
import io.flowstate.console.ConsoleService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /console/}: every state machine with its type, creation time and status, newest first as the API lists. */
final class MachinesPage {
    private MachinesPage() {}

    static String render(ConsoleService service) {
        List<StateMachineListItem> all = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            ListStateMachines.Response page = service.machines(token);
            all.addAll(page.stateMachines());
            token = page.nextToken();
        } while (token.isPresent() && all.size() < 10_000);
        StringBuilder html = new StringBuilder("<h1>State machines</h1>");
        if (all.isEmpty()) {
            html.append("<p>No state machines yet. Create one with the AWS CLI or an SDK pointed at this server, e.g. "
                    + "<code>aws stepfunctions create-state-machine --endpoint-url http://localhost:8083 ...</code>.</p>");
            return Page.of("State machines", html.toString());
        }
        html.append("<table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Type</th><th scope=\"col\">Created</th>"
                + "<th scope=\"col\">Status</th><th scope=\"col\">Links</th></tr></thead><tbody>");
        for (StateMachineListItem m : all) {
            String status;
            try {
                status = service.machine(m.stateMachineArn()).status().orElse("ACTIVE");
            } catch (ApiException e) {
                status = "DELETED"; // deleted between the list and the describe
            }
            String href = Paths.machine(m.stateMachineArn());
            html.append("<tr data-machine=\"").append(esc(m.name())).append("\"><td><a href=\"").append(esc(href))
                    .append("\">").append(esc(m.name())).append("</a></td><td>").append(esc(m.type())).append("</td><td>")
                    .append(Fmt.time(m.creationDate())).append("</td><td>").append(esc(status)).append("</td><td>")
                    .append("<a href=\"").append(esc(href)).append("#executions\">Executions</a> \u00B7 ")
                    .append("<a href=\"").append(esc(href)).append("?status=FAILED#executions\">Failed</a> \u00B7 ")
                    .append("<a href=\"").append(esc(href)).append("#start\">Start execution</a></td></tr>");
        }
        html.append("</tbody></table>");
        return Page.of("State machines", html.toString());
    }
}
