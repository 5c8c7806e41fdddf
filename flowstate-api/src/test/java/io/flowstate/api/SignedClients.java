package io.flowstate.api;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** Test helpers for the authentication tests: an SDK client signing with a given key, and a refusal's code. */
final class SignedClients {
    private SignedClients() {}

    /** A Step Functions client of the server on {@code port}, signing with {@code id} and {@code secret}. */
    static SfnClient client(int port, String id, String secret) {
        return SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret)))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).apiCallTimeout(Duration.ofSeconds(10)))
                .build();
    }

    /** The AWS error code of an SDK exception. */
    static String code(Throwable t) {
        return ((SfnException) t).awsErrorDetails().errorCode();
    }
}
