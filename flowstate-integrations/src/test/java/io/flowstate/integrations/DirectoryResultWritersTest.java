package io.flowstate.integrations;

import io.flowstate.integrations.s3.Buckets;
import io.flowstate.integrations.s3.DirectoryBuckets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** The ResultWriter contract, whole and in parts, on a local folder of buckets. */
class DirectoryResultWritersTest extends ResultPartsContract {
    @TempDir
    static Path root;

    @Override
    Buckets buckets() {
        return new DirectoryBuckets(root);
    }

    @Override
    String bucket() {
        String name = "results-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }
}
