package io.flowstate.console.web;

import io.flowstate.api.model.DescribeExecution;
import io.flowstate.api.model.GetExecutionHistory;
import io.flowstate.console.ConsoleService;
import io.flowstate.console.graph.Diagram;
import io.flowstate.console.graph.DiagramCache;
import io.flowstate.console.graph.Flows;
import io.flowstate.console.status.IterationFilter;
import io.flowstate.console.status.StateAttempts;
import io.flowstate.console.status.StateTree;
import io.flowstate.console.status.StatusDeriver;
import java.util.Optional;

/**
 * What the execution page and its live fragment show: the execution, the layout of the definition it runs, and
 * the statuses folded from its history, read a page of 1000 events at a time without their data (with it when the
 * definition has {@code states:startExecution} Tasks, whose outputs name the child executions).
 */
record ExecutionView(DescribeExecution.Response execution, String machineName, String definition, Diagram diagram,
        StatusDeriver statuses, StateAttempts attempts, ChildExecutions children) {
    /** Rows of the table view at most. */
    static final int MAX_ATTEMPTS = 1000;

    static ExecutionView load(ConsoleService service, DiagramCache diagrams, String arn) {
        return load(service, diagrams, arn, Optional.empty());
    }

    /** The view with the statuses of Map iteration {@code iteration} (a path like "2/0"), or of all items. */
    static ExecutionView load(ConsoleService service, DiagramCache diagrams, String arn, Optional<String> iteration) {
        DescribeExecution.Response execution = service.execution(arn);
        var machine = service.definitionOf(arn);
        String definition = machine.definition().orElse("{\"StartAt\":\"\",\"States\":{}}");
        StatusDeriver deriver = new StatusDeriver(new StateTree(Flows.of(definition)));
        StateAttempts attempts = new StateAttempts(MAX_ATTEMPTS);
        ChildExecutions children = new ChildExecutions();
        // Child executions' ARNs are in task outputs: read the data only when the definition can start any.
        boolean data = ChildExecutions.possible(definition);
        Optional<IterationFilter> filter = iteration.map(IterationFilter::new);
        Optional<String> token = Optional.empty();
        do {
            GetExecutionHistory.Response page = service.history(arn, false, 1000, token, data);
            page.events().forEach(event -> {
                if (filter.isEmpty() || filter.get().accept(event)) {
                    deriver.accept(event);
                }
                attempts.accept(event);
                children.accept(event);
            });
            token = page.nextToken();
        } while (token.isPresent());
        return new ExecutionView(execution, machine.name(), definition, diagrams.diagram(definition), deriver, attempts,
                children);
    }

    boolean running() {
        return execution.status().equals("RUNNING");
    }
}
