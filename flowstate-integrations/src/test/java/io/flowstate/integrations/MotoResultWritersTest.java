package io.flowstate.integrations;

import io.flowstate.integrations.s3.Buckets;
import io.flowstate.integrations.s3.SdkBuckets;
import io.flowstate.integrations.sdk.SdkClients;
import io.flowstate.integrations.sdk.SdkService;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The ResultWriter contract, whole and in parts, on S3 through the SDK, against moto's server. */
class MotoResultWritersTest extends ResultPartsContract {
    private static MotoServer moto;
    private static SdkClients clients;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        clients = new SdkClients(moto.environment(), Map.of(), Region.US_EAST_1);
    }

    @AfterAll
    static void stop() {
        clients.close();
        moto.close();
    }

    @Override
    Buckets buckets() {
        return new SdkBuckets(clients);
    }

    @Override
    String bucket() {
        String name = "results-" + UUID.randomUUID().toString().substring(0, 8);
        ((S3Client) clients.client(SdkService.find("s3").orElseThrow())).createBucket(b -> b.bucket(name));
        return name;
    }
}
