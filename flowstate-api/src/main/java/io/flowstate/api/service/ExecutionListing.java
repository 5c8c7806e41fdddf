package io.flowstate.api.service;

import static java.util.Objects.requireNonNull;

import io.flowstate.api.model.ExecutionListItem;
import io.flowstate.api.model.ExecutionRedriveFilter;
import io.flowstate.api.model.ListExecutions;
import io.flowstate.engine.runtime.Engine;
import io.flowstate.engine.runtime.ExecutionPage;
import io.flowstate.engine.runtime.ExecutionQuery;
import io.flowstate.engine.runtime.ExecutionSummary;
import io.flowstate.engine.runtime.InvalidTokenException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ListExecutions of a state machine, or of one of its versions or aliases, straight from the store's index
 * ({@link Engine#list(ExecutionQuery)}): newest first, every filter (status, the version or alias the
 * executions were started through, redriven or not) answered by the store, so a page costs one index range of
 * {@code maxResults} rows whatever the number of executions. The list items' version, alias and redrive
 * fields come from the executions' metadata ({@link ExecutionMetas}).
 *
 * <p>The client's token is the store's position wrapped with the request's scope ({@link Paging#token(String,
 * String)}): the state machine ARN as given and both filters, so a token reused with other arguments, or one
 * that is not ours, is {@code InvalidToken} as on AWS. {@code maxResults} may change between pages.
 */
final class ExecutionListing {
    private final Engine engine;
    private final ExecutionMetas metas;

    ExecutionListing(Engine engine, ExecutionMetas metas) {
        this.engine = requireNonNull(engine, "engine is null");
        this.metas = requireNonNull(metas, "metas is null");
    }

    /**
     * One page of the executions of {@code machineArn} (the unqualified ARN the store keys them by), through
     * {@code requested}, the ARN of the request (qualified to list only a version's or an alias's executions).
     */
    ListExecutions.Response list(String machineArn, Arn requested, ListExecutions.Request r) {
        int size = Paging.size(r.maxResults());
        String scope = "ListExecutions:" + requested.text() + ":" + r.statusFilter().map(Enum::name).orElse("")
                + ":" + r.redriveFilter().map(Enum::name).orElse("");
        Optional<String> after = r.nextToken().map(t -> Paging.resume(scope, t));
        // A version's qualifier is its number; any other qualifier names an alias.
        Optional<String> qualifier = requested.qualifier();
        boolean version = qualifier.map(q -> !q.isEmpty() && q.chars().allMatch(Character::isDigit)).orElse(false);
        ExecutionQuery query = new ExecutionQuery(Optional.of(machineArn), r.statusFilter(),
                version ? Optional.of(requested.text()) : Optional.empty(),
                qualifier.isPresent() && !version ? Optional.of(requested.text()) : Optional.empty(),
                r.redriveFilter().map(f -> f == ExecutionRedriveFilter.REDRIVEN), after, size);
        ExecutionPage page = read(query);
        List<ExecutionListItem> items = new ArrayList<>();
        for (ExecutionSummary s : page.executions()) {
            items.add(item(s, metas.get(s.executionArn())));
        }
        return new ListExecutions.Response(items, page.nextToken().map(t -> Paging.token(scope, t)));
    }

    private ExecutionPage read(ExecutionQuery query) {
        try {
            return engine.list(query);
        } catch (InvalidTokenException e) {
            // Our scope, but a position the store did not issue: a forged or corrupted token.
            throw Paging.invalid();
        }
    }

    private static ExecutionListItem item(ExecutionSummary s, Optional<ExecutionMetas.Meta> m) {
        return new ExecutionListItem(s.executionArn(), s.stateMachineArn(), s.name(), s.status().name(),
                s.startDate(), s.stopDate(), Optional.empty(), Optional.empty(),
                m.flatMap(x -> x.target().versionArn()), m.flatMap(x -> x.target().aliasArn()),
                Optional.of(m.map(ExecutionMetas.Meta::redriveCount).orElse(0)), m.flatMap(ExecutionMetas.Meta::redriveDate));
    }
}
