package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;
import org.junit.jupiter.api.Test;

/**
 * A Distributed Map at AWS's scale: 10,000 children of Pass states at a MaxConcurrency of 10,000 (AWS's default
 * for a Distributed Map) run in one decision. Nothing here is timed; the test is there so that a cost quadratic in
 * the number of children (a scan of the running siblings per child that ends, say) shows as a slow test.
 */
class MapScaleTest {
    private static final int ITEMS = 10_000;

    private static StateMachine map(String fields) {
        return parse("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items'," + fields
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'P',"
                + "'States':{'P':{'Type':'Pass','End':true}}},'ResultPath':null,'End':true}}}");
    }

    private static ObjectNode input() {
        ObjectNode in = Json.object();
        ArrayNode items = in.putArray("items");
        for (int i = 0; i < ITEMS; i++) {
            items.add(i);
        }
        return in;
    }

    @Test
    void start_tenThousandChildrenAtFullConcurrency_runsEveryOne() {
        Execution e = Interpreter.start(map("'MaxConcurrency':10000,"), info(input()), T0).execution();

        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(e.mapRuns().get(0).items()).hasSize(ITEMS)
                .allMatch(i -> i.status() == MapRunView.ItemStatus.SUCCEEDED);
    }

    @Test
    void start_tenThousandChildrenWithToleratedFailures_runsEveryOne() {
        Execution e = Interpreter.start(map("'ToleratedFailurePercentage':100,"), info(input()), T0).execution();

        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    /** Each child waits for its task, so each one that ends is a decision of its own, as in the engine. */
    @Test
    void advance_tenThousandTaskChildrenEndingOneByOne_runsEveryOne() {
        StateMachine m = parse("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items','MaxConcurrency':10000,"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'T',"
                + "'States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:f',"
                + "'End':true}}},'ResultPath':null,'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(input()), T0);
        java.util.List<Long> tasks = s.decision().effects().stream().filter(Effect.InvokeTask.class::isInstance)
                .map(t -> ((Effect.InvokeTask) t).taskId()).toList();
        assertThat(tasks).hasSize(ITEMS);

        for (long task : tasks) {
            Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(task, Json.nodes().numberNode(task)), T0);
        }

        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
}
