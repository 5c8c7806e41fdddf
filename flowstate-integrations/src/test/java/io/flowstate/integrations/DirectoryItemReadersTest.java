package io.flowstate.integrations;

import io.flowstate.integrations.s3.Buckets;
import io.flowstate.integrations.s3.DirectoryBuckets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The ItemReader contract, whole and in windows, on a local folder of buckets. */
class DirectoryItemReadersTest extends ItemWindowsContract {
    @TempDir
    static Path root;

    @Override
    Buckets buckets() {
        return new DirectoryBuckets(root);
    }

    @Override
    void createBucket(String name) {
        try {
            Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
