package io.flowstate.integrations.route;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where a route sends the invocations it takes. */
public sealed interface Target {
    /** An AWS-compatible endpoint (LocalStack, moto, DynamoDB Local, ElasticMQ, sam local) for every service. */
    record Endpoint(URI url, Optional<String> accessKeyId, Optional<String> secretAccessKey) implements Target {
        public Endpoint {
            requireNonNull(url, "url is null");
            requireNonNull(accessKeyId, "accessKeyId is null");
            requireNonNull(secretAccessKey, "secretAccessKey is null");
        }
    }

    /** Real AWS, with the default credentials chain and region. */
    record Aws() implements Target {}

    /** A Step Functions Local MockConfigFile's test case: the mocked responses of the state machine's states. */
    record Mock(Path file, String testCase) implements Target {
        public Mock {
            requireNonNull(file, "file is null");
            requireNonNull(testCase, "testCase is null");
        }
    }

    /** POST the payload to a URL; the reply's body is the result. */
    record Http(URI url, Duration timeout) implements Target {
        public Http {
            requireNonNull(url, "url is null");
            requireNonNull(timeout, "timeout is null");
        }
    }

    /** Run a local process: the payload on stdin, the result on stdout (a local Lambda in any language). */
    record Command(List<String> argv, Optional<Path> directory, Duration timeout) implements Target {
        public Command {
            argv = List.copyOf(argv);
            requireNonNull(directory, "directory is null");
            requireNonNull(timeout, "timeout is null");
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("a command route needs a command");
            }
        }
    }

    /**
     * S3 served from a local folder, one sub-folder per bucket ({@link io.flowstate.integrations.LocalBuckets}): a
     * Distributed Map's ItemReader and ResultWriter and {@code aws-sdk:s3:*} Tasks, with no S3 server.
     */
    record Buckets(Path directory) implements Target {
        public Buckets {
            requireNonNull(directory, "directory is null");
        }
    }

    /** An in-process handler bound by name when Flowstate is embedded ({@code RoutedTasks.Builder#java}). */
    record Java(String name) implements Target {
        public Java {
            requireNonNull(name, "name is null");
        }
    }
}
