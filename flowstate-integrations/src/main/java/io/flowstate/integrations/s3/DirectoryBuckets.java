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
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@link Buckets} in a local folder: one sub-folder per bucket, an object's key its path inside it ({@code a/b.json}
 * is {@code <root>/<bucket>/a/b.json}). A bucket exists when its folder does; a missing one or a missing key fails
 * as S3 fails ({@code NoSuchBucket}, {@code NoSuchKey}). Listing walks the folder in key order; the continuation
 * token is the last key of the page; a {@code Delimiter} rolls keys up into common prefixes, as S3 does. ETags are the content's MD5, as S3's are for single-part uploads; the storage
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
        String delimiter = request.path("Delimiter").asText("");
        String after = request.path("ContinuationToken").asText(request.path("StartAfter").asText(""));
        int max = request.path("MaxKeys").asInt(1000);
        // Each key, or the common prefix it rolls up into when a Delimiter follows the Prefix in it.
        TreeSet<String> entries = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".put-"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix))
                    .map(k -> rollUp(k, prefix, delimiter))
                    .filter(e -> e.compareTo(after) > 0)
                    .forEach(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ObjectInfo> objects = new ArrayList<>();
        List<String> common = new ArrayList<>();
        String last = null;
        for (String e : entries) {
            if (objects.size() + common.size() == max) {
                break;
            }
            if (!delimiter.isEmpty() && e.endsWith(delimiter) && !Files.isRegularFile(dir.resolve(e))) {
                common.add(e);
            } else {
                objects.add(info(e, dir.resolve(e)));
            }
            last = e;
        }
        boolean more = last != null && entries.higher(last) != null;
        return new Page(objects, common, more ? Optional.of(last) : Optional.empty());
    }

    private static String rollUp(String key, String prefix, String delimiter) {
        int at = delimiter.isEmpty() ? -1 : key.indexOf(delimiter, prefix.length());
        return at < 0 ? key : key.substring(0, at + delimiter.length());
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
