package io.flowstate.integrations.s3;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The S3 operations a Distributed Map's ItemReader and ResultWriter need, over S3 itself ({@link SdkBuckets}) or a
 * local folder ({@link DirectoryBuckets}). Failures are the SDK's S3 exceptions ({@code NoSuchKeyException},
 * {@code NoSuchBucketException}, ...), whichever implementation raised them.
 */
public interface Buckets {
    /**
     * The object's bytes as a stream the caller closes; {@code request} is a GetObject request in S3's member
     * names ({@code Bucket}, {@code Key}, {@code VersionId}, ...).
     */
    InputStream get(JsonNode request);

    /** The object's listing record; {@code request} as for {@link #get}. */
    ObjectInfo head(JsonNode request);

    /** Writes {@code body} as {@code key} in {@code bucket}; answers the new object's ETag (quoted). */
    String put(String bucket, String key, byte[] body);

    /**
     * One page of a ListObjectsV2 {@code request} ({@code Bucket}, {@code Prefix}, {@code ContinuationToken},
     * {@code StartAfter}, {@code MaxKeys}, {@code Delimiter}), keys in ascending order.
     */
    Page list(JsonNode request);

    /** An object as S3 lists it. {@code etag} is quoted, as S3 sends it. */
    record ObjectInfo(String key, String etag, Instant lastModified, long size, String storageClass) {
        public ObjectInfo {
            requireNonNull(key, "key is null");
            requireNonNull(etag, "etag is null");
            requireNonNull(lastModified, "lastModified is null");
            requireNonNull(storageClass, "storageClass is null");
        }
    }

    /**
     * One page of a listing: the objects, the common prefixes a {@code Delimiter} rolled keys up into, and
     * {@code nextToken} when more pages follow.
     */
    record Page(List<ObjectInfo> objects, List<String> commonPrefixes, Optional<String> nextToken) {
        public Page {
            objects = List.copyOf(objects);
            commonPrefixes = List.copyOf(commonPrefixes);
            requireNonNull(nextToken, "nextToken is null");
        }
    }
}
