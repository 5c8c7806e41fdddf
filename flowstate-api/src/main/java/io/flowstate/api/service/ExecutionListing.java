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
 * ({@link Engine#list(ExecutionQuery)}): newest first, with the status filter answered by the store, so a page
 * costs one index range of {@code maxResults} rows whatever the number of executions.
 *
 * <p>A qualified ARN (version or alias) and {@code redriveFilter} select on metadata the store does not hold
 * ({@link ExecutionMetas}): then store pages are read and filtered until the page is full or the executions
 * run out. The next token resumes right after the last execution returned (the store's position of that row,
 * {@link ExecutionPage#positions()}), not after the last row read, so no execution is skipped or repeated; such
 * a page costs the rows read to fill it, which for a filter that matches few executions can be many.
 *
 * <p>The client's token is the store's position wrapped with the request's scope ({@link Paging#token(String,
 * String)}): the state machine ARN as given and both filters, so a token reused with other arguments, or one
 * that is not ours, is {@code InvalidToken} as on AWS. {@code maxResults} may change between pages.
 */
final class ExecutionListing {
    /** AWS's page when {@code maxResults} is 0 or absent. */
    static final int DEFAULT_PAGE = 100;
    /** Rows per store read when filtering on metadata: small pages would cost one query per few rows. */
    private static final int FILTERED_READ = 100;

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
        int size = r.maxResults().filter(n -> n > 0).orElse(DEFAULT_PAGE);
        String scope = "ListExecutions:" + requested.text() + ":" + r.statusFilter().map(Enum::name).orElse("")
                + ":" + r.redriveFilter().map(Enum::name).orElse("");
        Optional<String> after = r.nextToken().map(t -> Paging.resume(scope, t));
        Optional<String> qualified = requested.qualifier().map(q -> requested.text());
        boolean filtered = qualified.isPresent() || r.redriveFilter().isPresent();
        ExecutionQuery query = new ExecutionQuery(Optional.of(machineArn), r.statusFilter(), after,
                filtered ? Math.max(size, FILTERED_READ) : size);
        List<ExecutionListItem> items = new ArrayList<>();
        while (true) {
            ExecutionPage page = read(query);
            List<ExecutionSummary> rows = page.executions();
            for (int i = 0; i < rows.size(); i++) {
                ExecutionSummary s = rows.get(i);
                Optional<ExecutionMetas.Meta> m = metas.get(s.executionArn());
                if (selected(m, qualified, r.redriveFilter())) {
                    items.add(item(s, m));
                    if (items.size() == size) {
                        boolean more = i < rows.size() - 1 || page.nextToken().isPresent();
                        return new ListExecutions.Response(items,
                                more ? Optional.of(Paging.token(scope, page.positions().get(i))) : Optional.empty());
                    }
                }
            }
            if (page.nextToken().isEmpty()) {
                return new ListExecutions.Response(items, Optional.empty());
            }
            query = query.after(page.nextToken().get());
        }
    }

    private ExecutionPage read(ExecutionQuery query) {
        try {
            return engine.list(query);
        } catch (InvalidTokenException e) {
            // Our scope, but a position the store did not issue: a forged or corrupted token.
            throw Paging.invalid();
        }
    }

    /** Whether an execution started through {@code qualified} (when present) and was redriven as the filter asks. */
    private static boolean selected(Optional<ExecutionMetas.Meta> m, Optional<String> qualified,
            Optional<ExecutionRedriveFilter> redriveFilter) {
        if (qualified.isPresent()) {
            Optional<String> version = m.flatMap(x -> x.target().versionArn());
            Optional<String> alias = m.flatMap(x -> x.target().aliasArn());
            if (!version.equals(qualified) && !alias.equals(qualified)) {
                return false;
            }
        }
        boolean redriven = m.map(x -> x.redriveCount() > 0).orElse(false);
        return redriveFilter.map(f -> (f == ExecutionRedriveFilter.REDRIVEN) == redriven).orElse(true);
    }

    private static ExecutionListItem item(ExecutionSummary s, Optional<ExecutionMetas.Meta> m) {
        return new ExecutionListItem(s.executionArn(), s.stateMachineArn(), s.name(), s.status().name(),
                s.startDate(), s.stopDate(), Optional.empty(), Optional.empty(),
                m.flatMap(x -> x.target().versionArn()), m.flatMap(x -> x.target().aliasArn()),
                Optional.of(m.map(ExecutionMetas.Meta::redriveCount).orElse(0)), m.flatMap(ExecutionMetas.Meta::redriveDate));
    }
}
