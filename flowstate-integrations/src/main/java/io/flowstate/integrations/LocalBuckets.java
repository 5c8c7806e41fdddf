package io.flowstate.integrations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.s3.DirectoryBuckets;
import java.nio.file.Path;

/**
 * S3 served from a local folder ({@link DirectoryBuckets}: one sub-folder per bucket), for the {@code buckets}
 * target of a routing file: a Distributed Map's ItemReader ({@code s3:getObject}, {@code s3:listObjectsV2}) and
 * ResultWriter ({@code s3:putObject}) read and write its files, and {@code aws-sdk:s3:getObject},
 * {@code putObject}, {@code headObject} and {@code listObjectsV2} Tasks answer as S3 does ({@link LocalS3Actions}).
 * Other resources routed here fail with {@code States.Runtime} naming what is served.
 */
public final class LocalBuckets implements TaskHandler {
    private final DirectoryBuckets buckets;
    private final ItemReaders readers;
    private final ResultWriters writers;

    public LocalBuckets(Path root) {
        this(root, ResultWriters.MAX_FILE_BYTES);
    }

    /** As above, cutting result files at {@code maxResultFileBytes} instead of AWS's 5 GB. */
    public LocalBuckets(Path root, long maxResultFileBytes) {
        this.buckets = new DirectoryBuckets(root);
        this.readers = new ItemReaders(buckets);
        this.writers = new ResultWriters(buckets, maxResultFileBytes);
    }

    @Override
    public TaskOutcome invoke(TaskInvocation inv) {
        requireNonNull(inv, "inv is null");
        if (inv.readerConfig().isPresent()) {
            JsonNode config = inv.readerConfig().get();
            return config.has("ResultWriter") ? writers.write(inv.resource(), inv.input(), config)
                    : readers.read(IntegrationResource.parse(inv.resource()), inv.input(), config);
        }
        IntegrationResource r = IntegrationResource.parse(inv.resource());
        if (r.kind() == IntegrationResource.Kind.AWS_SDK && r.service().equals("s3")) {
            return LocalS3Actions.invoke(buckets, r.action(), inv.input());
        }
        return TaskOutcome.Failure.of("States.Runtime", "The local buckets in " + buckets.root()
                + " serve S3 (a Distributed Map's ItemReader and ResultWriter, aws-sdk:s3:getObject, putObject, "
                + "headObject, listObjectsV2), not " + inv.resource() + ".");
    }

    @Override
    public String toString() {
        return "buckets " + buckets.root();
    }
}
