package io.flowstate.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A function's deployment package: a zip file, extracted into the function's task root. */
final class CodeArchive {
    /** Lambda's quota for an unzipped deployment package. */
    private static final long MAX_UNZIPPED = 262_144_000L;
    private static final String BAD_ZIP = "Could not unzip uploaded file. Please check your file, then try to upload"
            + " again.";

    private CodeArchive() {}

    /** Base64 of the package's SHA-256, Lambda's {@code CodeSha256}. */
    static String sha256(byte[] zip) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(zip));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * Extracts {@code zip} into {@code dir} (created), refusing entries that would land outside it.
     *
     * @throws LambdaException InvalidParameterValueException, as Lambda answers, when it is not a usable zip
     */
    static void extract(byte[] zip, Path dir) {
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            Files.createDirectories(dir);
            Path root = dir.toRealPath();
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries++;
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw LambdaError.INVALID_PARAMETER_VALUE.exception(BAD_ZIP);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                total += Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                if (total > MAX_UNZIPPED) {
                    throw LambdaError.INVALID_PARAMETER_VALUE.exception("Unzipped size must be smaller than "
                            + MAX_UNZIPPED + " bytes");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw LambdaError.INVALID_PARAMETER_VALUE.exception(BAD_ZIP);
        }
        if (entries == 0) {
            throw LambdaError.INVALID_PARAMETER_VALUE.exception(BAD_ZIP);
        }
    }

    /** Removes a task root and everything in it. */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
