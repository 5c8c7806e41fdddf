package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.engine.runtime.ExecutionStore;
import io.flowstate.engine.runtime.InMemoryExecutionStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsRequest;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;

/**
 * ListExecutions paging through the real SDK: every execution once, newest first, across pages, with the
 * status, version/alias and redrive filters answered by the store; tokens bound to the arguments they were
 * issued for; and one store page read per API page.
 */
class ListExecutionsApiTest extends ApiTestBase {
    private final CountingExecutionStore store = new CountingExecutionStore(new InMemoryExecutionStore());

    @Override
    ExecutionStore standardStore() {
        return store;
    }

    @Test
    void listExecutions_severalPagesWithAndWithoutStatusFilter_everyExecutionOnceNewestFirst() {
        String sm = createMachine(unique("pages"), ExecutionApiTest.WAIT);
        List<String> started = startMany(sm, 11);
        List<String> aborted = List.of(started.get(0), started.get(4), started.get(5), started.get(10));
        aborted.forEach(arn -> sfn.stopExecution(b -> b.executionArn(arn)));
        List<String> running = started.stream().filter(a -> !aborted.contains(a)).toList();

        List<ExecutionListItem> all = listAll(b -> b.stateMachineArn(sm).maxResults(3));
        List<ExecutionListItem> runningPaged = listAll(b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.RUNNING).maxResults(2));
        List<ExecutionListItem> abortedPaged = listAll(b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.ABORTED).maxResults(3));

        List<ExecutionListItem> onePage = sfn.listExecutions(b -> b.stateMachineArn(sm).maxResults(1000)).executions();
        assertThat(arns(all)).hasSize(11).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(started)
                .isEqualTo(arns(onePage));
        assertThat(all).extracting(ExecutionListItem::startDate).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(arns(runningPaged)).isEqualTo(arns(onePage).stream().filter(running::contains).toList());
        assertThat(arns(abortedPaged)).isEqualTo(arns(onePage).stream().filter(aborted::contains).toList());
        assertThat(abortedPaged).extracting(ExecutionListItem::status).containsOnly(ExecutionStatus.ABORTED);
        running.forEach(arn -> sfn.stopExecution(b -> b.executionArn(arn)));
    }

    /** The store is asked for one page of exactly maxResults rows, the filters included, never for everything. */
    @Test
    void listExecutions_anyFilters_readsOneStorePageOfMaxResultsRows() {
        String sm = createMachine(unique("cost"), ExecutionApiTest.WAIT);
        List<String> started = startMany(sm, 30);
        started.subList(0, 10).forEach(arn -> sfn.stopExecution(b -> b.executionArn(arn)));

        store.reset();
        ListExecutionsResponse first = sfn.listExecutions(b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.RUNNING).maxResults(5));
        List<CountingExecutionStore.PageRead> firstReads = store.pages();
        store.reset();
        ListExecutionsResponse second = sfn.listExecutions(b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.RUNNING)
                .maxResults(5).nextToken(first.nextToken()));
        List<CountingExecutionStore.PageRead> secondReads = store.pages();
        store.reset();
        sfn.listExecutions(b -> b.stateMachineArn(sm).maxResults(7));
        List<CountingExecutionStore.PageRead> unfilteredReads = store.pages();
        store.reset();
        sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter(ExecutionRedriveFilter.REDRIVEN).maxResults(3));
        List<CountingExecutionStore.PageRead> redrivenReads = store.pages();

        assertThat(first.executions()).hasSize(5);
        assertThat(second.executions()).hasSize(5).extracting(ExecutionListItem::executionArn)
                .doesNotContainAnyElementsOf(arns(first.executions()));
        assertThat(firstReads).singleElement().satisfies(read -> {
            assertThat(read.query().stateMachineArn()).contains(sm);
            assertThat(read.query().status()).contains(io.flowstate.engine.interp.ExecutionStatus.RUNNING);
            assertThat(read.query().nextToken()).isEmpty();
            assertThat(read.query().maxResults()).isEqualTo(5);
            assertThat(read.rows()).isEqualTo(5);
        });
        assertThat(secondReads).singleElement().satisfies(read -> {
            assertThat(read.query().nextToken()).isPresent();
            assertThat(read.query().maxResults()).isEqualTo(5);
        });
        assertThat(unfilteredReads).singleElement().satisfies(read -> {
            assertThat(read.query().status()).isEmpty();
            assertThat(read.rows()).isEqualTo(7);
        });
        // None was redriven: the store answers the filter, one read, instead of the API scanning all 30.
        assertThat(redrivenReads).singleElement().satisfies(read -> {
            assertThat(read.query().redriven()).contains(true);
            assertThat(read.rows()).isZero();
        });
        assertThat(store.listAllCalls()).isZero();
        started.subList(10, 30).forEach(arn -> sfn.stopExecution(b -> b.executionArn(arn)));
    }

    @Test
    void listExecutions_tokenReusedWithOtherArguments_invalidToken() {
        String sm = createMachine(unique("token"), ExecutionApiTest.WAIT);
        String other = createMachine(unique("token"), ExecutionApiTest.WAIT);
        List<String> started = startMany(sm, 3);
        String token = sfn.listExecutions(b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.RUNNING).maxResults(1))
                .nextToken();
        // A token in our scope whose store position is not one the store issued.
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("ListExecutions:" + sm + ":RUNNING:\nnot-a-position").getBytes(StandardCharsets.UTF_8));

        List<Consumer<ListExecutionsRequest.Builder>> misuses = List.of(
                b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.ABORTED).nextToken(token),
                b -> b.stateMachineArn(sm).nextToken(token),
                b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.RUNNING)
                        .redriveFilter(ExecutionRedriveFilter.NOT_REDRIVEN).nextToken(token),
                b -> b.stateMachineArn(other).statusFilter(ExecutionStatus.RUNNING).nextToken(token),
                b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.RUNNING).nextToken("garbage-token"),
                b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.RUNNING).nextToken(forged));

        assertThat(token).isNotNull();
        for (Consumer<ListExecutionsRequest.Builder> misuse : misuses) {
            assertThatThrownBy(() -> sfn.listExecutions(misuse)).isInstanceOfSatisfying(InvalidTokenException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidToken");
            });
        }
        // Unchanged arguments resume; the page size may change.
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.RUNNING).maxResults(5)
                .nextToken(token)).executions()).hasSize(2);
        started.forEach(arn -> sfn.stopExecution(b -> b.executionArn(arn)));
    }

    /** Pages of two stop inside the store's page: each resumes right after the last execution it returned. */
    @Test
    void listExecutions_versionOrAliasAcrossPages_onlyTheirExecutionsEachOnce() {
        String sm = createMachine(unique("qualified"), PASS);
        String v1 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn();
        String alias = sfn.createStateMachineAlias(b -> b.name("live")
                .routingConfiguration(VersionAliasApiTest.route(v1, 100))).stateMachineAliasArn();
        List<String> viaAlias = new ArrayList<>();
        List<String> viaVersion = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String through = switch (i % 3) {
                case 0 -> sm;
                case 1 -> alias;
                default -> v1;
            };
            String arn = sfn.startExecution(b -> b.stateMachineArn(through)).executionArn();
            if (through.equals(alias)) {
                viaAlias.add(arn);
            } else if (through.equals(v1)) {
                viaVersion.add(arn);
            }
        }
        List<String> newestFirst = arns(sfn.listExecutions(b -> b.stateMachineArn(sm).maxResults(1000)).executions());

        List<ExecutionListItem> aliasPaged = listAll(b -> b.stateMachineArn(alias).maxResults(2));
        List<ExecutionListItem> versionPaged = listAll(b -> b.stateMachineArn(v1).maxResults(2));

        assertThat(arns(aliasPaged)).isEqualTo(newestFirst.stream().filter(viaAlias::contains).toList());
        assertThat(aliasPaged).extracting(ExecutionListItem::stateMachineAliasArn).containsOnly(alias);
        // An execution started through the alias ran the version, and records both.
        List<String> ranVersion = new ArrayList<>(viaAlias);
        ranVersion.addAll(viaVersion);
        assertThat(arns(versionPaged)).isEqualTo(newestFirst.stream().filter(ranVersion::contains).toList());
        assertThat(versionPaged).extracting(ExecutionListItem::stateMachineVersionArn).containsOnly(v1);
    }

    @Test
    void listExecutions_redriveFilterAcrossPages_eachMatchingExecutionOnce() {
        String sm = createMachine(unique("redrive"), ExecutionApiTest.FAIL);
        List<String> started = startMany(sm, 9);
        started.forEach(this::awaitEnd);
        List<String> redriven = List.of(started.get(1), started.get(2), started.get(5), started.get(8));
        redriven.forEach(arn -> sfn.redriveExecution(b -> b.executionArn(arn)));
        redriven.forEach(this::awaitEnd);
        List<String> newestFirst = arns(sfn.listExecutions(b -> b.stateMachineArn(sm).maxResults(1000)).executions());

        List<ExecutionListItem> redrivenPaged = listAll(b -> b.stateMachineArn(sm)
                .redriveFilter(ExecutionRedriveFilter.REDRIVEN).maxResults(3));
        List<ExecutionListItem> notRedrivenPaged = listAll(b -> b.stateMachineArn(sm)
                .redriveFilter(ExecutionRedriveFilter.NOT_REDRIVEN).maxResults(2));

        assertThat(arns(redrivenPaged)).isEqualTo(newestFirst.stream().filter(redriven::contains).toList());
        assertThat(redrivenPaged).extracting(ExecutionListItem::redriveCount).containsOnly(1);
        assertThat(arns(notRedrivenPaged)).isEqualTo(newestFirst.stream().filter(a -> !redriven.contains(a)).toList());
        assertThat(notRedrivenPaged).extracting(ExecutionListItem::redriveCount).containsOnly(0);
    }

    private List<String> startMany(String sm, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn());
        }
        return out;
    }

    /** Every page, following nextToken, with the same arguments; checks no page exceeds its maxResults. */
    private List<ExecutionListItem> listAll(Consumer<ListExecutionsRequest.Builder> args) {
        List<ExecutionListItem> out = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListExecutionsResponse page = sfn.listExecutions(b -> {
                args.accept(b);
                b.nextToken(next);
            });
            ListExecutionsRequest asked = ListExecutionsRequest.builder().applyMutation(args).build();
            assertThat(page.executions().size()).isLessThanOrEqualTo(asked.maxResults());
            out.addAll(page.executions());
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    private static List<String> arns(List<ExecutionListItem> items) {
        return items.stream().map(ExecutionListItem::executionArn).toList();
    }

    private void awaitEnd(String arn) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (sfn.describeExecution(b -> b.executionArn(arn)).status() == ExecutionStatus.RUNNING
                && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
    }
}
