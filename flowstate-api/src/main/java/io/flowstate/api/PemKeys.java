package io.flowstate.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key store for HTTPS made from PEM files ({@code --tls-cert}, {@code --tls-key}): the certificate chain, server
 * certificate first, and an unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}, RSA or EC), as
 * {@code openssl req -x509 -newkey rsa:2048 -nodes} and certbot write them. Problems are
 * {@link IllegalArgumentException}s that say how to fix the file.
 */
final class PemKeys {
    /** The in-memory key store's password: the store never leaves the process. */
    static final char[] PASSWORD = "flowstate".toCharArray();
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemKeys() {}

    static KeyStore load(Path certFile, Path keyFile) {
        List<Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (Block b : blocks(certFile)) {
                if (b.type().equals("CERTIFICATE")) {
                    chain.add(x509.generateCertificate(new ByteArrayInputStream(b.der())));
                }
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException(certFile + " has no PEM certificate (BEGIN CERTIFICATE)");
            }
            PrivateKey key = privateKey(keyFile);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("flowstate", key, PASSWORD, chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use " + certFile + " and " + keyFile + " for HTTPS: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path keyFile) throws IOException {
        for (Block b : blocks(keyFile)) {
            if (b.type().equals("RSA PRIVATE KEY") || b.type().equals("EC PRIVATE KEY")
                    || b.type().equals("ENCRYPTED PRIVATE KEY")) {
                throw new IllegalArgumentException(keyFile + " holds a " + b.type() + "; convert it to an unencrypted "
                        + "PKCS#8 key: openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem");
            }
            if (b.type().equals("PRIVATE KEY")) {
                for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
                    try {
                        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(b.der()));
                    } catch (GeneralSecurityException e) {
                        // not this algorithm: try the next
                    }
                }
                throw new IllegalArgumentException(keyFile + ": the private key is not RSA, EC or Ed25519");
            }
        }
        throw new IllegalArgumentException(keyFile + " has no PEM private key (BEGIN PRIVATE KEY)");
    }

    private record Block(String type, byte[] der) {}

    private static List<Block> blocks(Path file) throws IOException {
        Matcher m = BLOCK.matcher(Files.readString(file, StandardCharsets.US_ASCII));
        List<Block> out = new ArrayList<>();
        while (m.find()) {
            out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2).strip())));
        }
        return out;
    }
}
