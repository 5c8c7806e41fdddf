package io.flowstate.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Execution environments stay warm between invocations, one per concurrent invocation, as on Lambda. */
class WarmProcessTest extends LambdaTestBase {
    /** Counts its invocations in module state, and names the process that ran it. */
    private static final String COUNTER = """
            import os
            COUNT = 0
            def handler(event, context):
                global COUNT
                COUNT += 1
                return {"count": COUNT, "pid": os.getpid()}
            """;

    /** Waits, bounded, until {@code event['expected']} invocations have arrived at the rendezvous directory. */
    private static final String RENDEZVOUS = """
            import os, time
            def handler(event, context):
                open(os.path.join(event['dir'], context.aws_request_id), 'w').close()
                for _ in range(400):
                    if len(os.listdir(event['dir'])) >= event['expected']:
                        break
                    time.sleep(0.025)
                return os.getpid()
            """;

    @Test
    void invoke_twice_secondSeesStateKeptByFirst() {
        String arn = python(unique("counter"), COUNTER, 3);

        var first = LambdaJson.parse(text(invoke(arn, "{}")));
        var second = LambdaJson.parse(text(invoke(arn, "{}")));

        assertThat(first.path("count").asInt()).isEqualTo(1);
        assertThat(second.path("count").asInt()).isEqualTo(2);
        assertThat(second.path("pid")).isEqualTo(first.path("pid"));
    }

    @Test
    void invoke_concurrently_oneProcessEachThenReused(@TempDir Path dir) throws Exception {
        String arn = python(unique("concurrent"), RENDEZVOUS, 15);
        String payload = "{\"dir\":\"" + dir + "\",\"expected\":2}";

        Set<String> pids = new HashSet<>();
        // Its own threads: the common pool may have a single one on a small machine, which would serialise them.
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> both = List.of(threads.submit(() -> text(invoke(arn, payload))),
                    threads.submit(() -> text(invoke(arn, payload))));
            for (Future<String> f : both) {
                pids.add(f.get());
            }
        }
        String later = text(invoke(arn, "{\"dir\":\"" + dir + "\",\"expected\":0}"));

        assertThat(pids).hasSize(2);
        assertThat(pids).contains(later);
    }

    @Test
    void deleteFunction_warmProcess_stopped() {
        String arn = python(unique("stop"), COUNTER, 3);
        long pid = LambdaJson.parse(text(invoke(arn, "{}"))).path("pid").asLong();
        assertThat(ProcessHandle.of(pid)).isPresent();

        lambda.deleteFunction(b -> b.functionName(arn));

        ProcessHandle.of(pid).ifPresent(p -> assertThat(p.onExit()).succeedsWithin(Duration.ofSeconds(10)));
    }
}
