package io.flowstate.integrations.s3;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.integrations.sdk.PojoJson;
import io.flowstate.integrations.sdk.SdkClients;
import io.flowstate.integrations.sdk.SdkService;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link Buckets} on S3 through the routed SDK client ({@link SdkClients}): the object streams from the
 * connection, never held whole, and a stream closed before its end aborts the download.
 */
public final class SdkBuckets implements Buckets {
    private final SdkClients clients;

    public SdkBuckets(SdkClients clients) {
        this.clients = requireNonNull(clients, "clients is null");
    }

    private S3Client s3() {
        return (S3Client) clients.client(SdkService.find("s3").orElseThrow());
    }

    @Override
    public InputStream get(JsonNode request) {
        GetObjectRequest r = (GetObjectRequest) PojoJson.build(GetObjectRequest.builder(), request, "GetObjectRequest");
        ResponseInputStream<GetObjectResponse> body = s3().getObject(r);
        // A reader that stops at MaxItems closes early: abort then, rather than drain the rest of the object.
        return new FilterInputStream(body) {
            private boolean ended;

            @Override
            public int read() throws IOException {
                int b = super.read();
                ended |= b < 0;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                ended |= n < 0;
                return n;
            }

            @Override
            public void close() throws IOException {
                if (!ended) {
                    body.abort();
                }
                super.close();
            }
        };
    }

    @Override
    public ObjectInfo head(JsonNode request) {
        HeadObjectRequest r = (HeadObjectRequest) PojoJson.build(HeadObjectRequest.builder(), request,
                "HeadObjectRequest");
        HeadObjectResponse h = s3().headObject(r);
        return new ObjectInfo(r.key(), String.valueOf(h.eTag()), h.lastModified(),
                h.contentLength() == null ? 0 : h.contentLength(),
                h.storageClassAsString() == null ? "STANDARD" : h.storageClassAsString());
    }

    @Override
    public String put(String bucket, String key, byte[] body) {
        return s3().putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromBytes(body))
                .eTag();
    }

    @Override
    public Page list(JsonNode request) {
        ListObjectsV2Request r = (ListObjectsV2Request) PojoJson.build(ListObjectsV2Request.builder(), request,
                "ListObjectsV2Request");
        ListObjectsV2Response page = s3().listObjectsV2(r);
        List<ObjectInfo> objects = new ArrayList<>(page.contents().size());
        for (S3Object o : page.contents()) {
            objects.add(new ObjectInfo(o.key(), String.valueOf(o.eTag()), o.lastModified(),
                    o.size() == null ? 0 : o.size(), o.storageClassAsString() == null ? "STANDARD"
                            : o.storageClassAsString()));
        }
        boolean more = Boolean.TRUE.equals(page.isTruncated()) && page.nextContinuationToken() != null;
        List<String> common = page.commonPrefixes().stream().map(CommonPrefix::prefix).toList();
        return new Page(objects, common, more ? Optional.of(page.nextContinuationToken()) : Optional.empty());
    }
}
