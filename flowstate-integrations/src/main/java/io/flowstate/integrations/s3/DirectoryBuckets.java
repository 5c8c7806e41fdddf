package io.flowstate.integrations.s3;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link Buckets} in a local folder: one sub-folder per bucket, an object's key its path inside it ({@code a/b.json}
 * is {@code <root>/<bucket>/a/b.json}). A bucket exists when its folder does; a missing one or a missing key fails
 * as S3 fails ({@code NoSuchBucket}, {@code NoSuchKey}). Listing walks the folder in key order; the continuation
 * token is the last key of the page. ETags are the content's MD5, as S3's are for single-part uploads; the storage
 * class is STANDARD. Keys that would leave the bucket's folder ({@code ..}) are refused.
 */
public final class DirectoryBuckets implements Buckets {
    private final Path root;

    public DirectoryBuckets(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    /** The folder holding the buckets. */
    public Path root() {
        return root;
    }

    @Override
    public InputStream get(JsonNode request) {
        Path file = object(bucket(request.path("Bucket").asText("")), request.path("Key").asText(""));
        if (!Files.isRegularFile(file)) {
            throw S3Errors.noSuchKey();
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw S3Errors.noSuchKey();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ObjectInfo head(JsonNode request) {
        String key = request.path("Key").asText("");
        Path file = object(bucket(request.path("Bucket").asText("")), key);
        if (!Files.isRegularFile(file)) {
            throw S3Errors.noSuchKey();
        }
        return info(key, file);
    }

    @Override
    public String put(String bucket, String key, byte[] body) {
        Path file = object(bucket(bucket), key);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".put-", ".tmp");
            Files.write(tmp, body);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return etag(body);
    }

    @Override
    public Page list(JsonNode request) {
        Path dir = bucket(request.path("Bucket").asText(""));
        String prefix = request.path("Prefix").asText("");
        String after = request.path("ContinuationToken").asText(request.path("StartAfter").asText(""));
        int max = request.path("MaxKeys").asInt(1000);
        List<String> keys;
        try (Stream<Path> files = Files.walk(dir)) {
            keys = files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix) && k.compareTo(after) > 0 && !k.contains("/.put-"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ObjectInfo> page = new ArrayList<>();
        for (String key : keys.subList(0, Math.min(max, keys.size()))) {
            page.add(info(key, dir.resolve(key)));
        }
        boolean more = keys.size() > page.size() && !page.isEmpty();
        return new Page(page, more ? Optional.of(page.get(page.size() - 1).key()) : Optional.empty());
    }

    private static ObjectInfo info(String key, Path file) {
        try {
            MessageDigest md5 = md5();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), md5)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return new ObjectInfo(key, "\"" + HexFormat.of().formatHex(md5.digest()) + "\"",
                    Files.getLastModifiedTime(file).toInstant(), Files.size(file), "STANDARD");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path bucket(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw S3Errors.noSuchBucket();
        }
        Path dir = root.resolve(name);
        if (!Files.isDirectory(dir)) {
            throw S3Errors.noSuchBucket();
        }
        return dir;
    }

    private static Path object(Path bucket, String key) {
        Path file = bucket.resolve(key).normalize();
        if (key.isEmpty() || !file.startsWith(bucket) || file.equals(bucket)) {
            throw S3Errors.invalid("InvalidArgument", "The key '" + key + "' is not a key of a local bucket.");
        }
        return file;
    }

    /** S3's ETag of a single-part object: its MD5 in hex, quoted. */
    static String etag(byte[] body) {
        return "\"" + HexFormat.of().formatHex(md5().digest(body)) + "\"";
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
