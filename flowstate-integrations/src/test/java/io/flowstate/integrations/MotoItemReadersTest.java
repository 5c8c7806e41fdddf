package io.flowstate.integrations;

import io.flowstate.integrations.s3.Buckets;
import io.flowstate.integrations.s3.SdkBuckets;
import io.flowstate.integrations.sdk.SdkClients;
import io.flowstate.integrations.sdk.SdkService;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The ItemReader contract, whole and in windows, on S3 through the SDK, against moto's server. */
class MotoItemReadersTest extends ItemWindowsContract {
    private static MotoServer moto;
    private static SdkClients clients;
    private static SdkBuckets buckets;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        clients = new SdkClients(moto.environment(), Map.of(), Region.US_EAST_1);
        buckets = new SdkBuckets(clients);
    }

    @AfterAll
    static void stop() {
        clients.close();
        moto.close();
    }

    @Override
    Buckets buckets() {
        return buckets;
    }

    @Override
    void createBucket(String name) {
        ((S3Client) clients.client(SdkService.find("s3").orElseThrow())).createBucket(b -> b.bucket(name));
    }
}
