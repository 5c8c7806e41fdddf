package io.flowstate.engine.runtime;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.task.TaskHandlers;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code $$.Execution.RedriveCount} of Express executions, as recorded on AWS (the express_sync and express_async
 * {@code query_runtime_memory} cases): 0 for StartExecution, absent for StartSyncExecution.
 */
class ExpressContextTest {
    private static final StateMachine CONTEXT = parse("{'StartAt':'P','States':{'P':{'Type':'Pass',"
            + "'Parameters':{'execution.$':'$$.Execution'},'End':true}}}");
    private final Engine engine = new Engine(new InMemoryExecutionStore(), TaskHandlers.unbound(), new ManualTimers(T0));

    @AfterEach
    void close() {
        engine.close();
    }

    private JsonNode execution(String name, String type) throws Exception {
        ExecutionInfo info = new ExecutionInfo("arn:aws:states:us-east-1:123456789012:express:sm:" + name + ":id", name,
                "arn:aws:states:us-east-1:123456789012:stateMachine:sm", "sm", "arn:aws:iam::123456789012:role/r",
                "us-east-1", T0, json("{}"), java.util.Optional.empty());
        engine.start(CONTEXT, info, type);
        return engine.completion(info.executionArn()).get(10, TimeUnit.SECONDS).output().orElseThrow().path("execution");
    }

    @Test
    void contextObject_asynchronousExpress_showsRedriveCountZero() throws Exception {
        assertThat(execution("async", "EXPRESS").path("RedriveCount").asInt(-1)).isZero();
    }

    @Test
    void contextObject_synchronousExpress_showsNoRedriveCount() throws Exception {
        assertThat(execution("sync", "EXPRESS_SYNC").has("RedriveCount")).isFalse();
    }
}
