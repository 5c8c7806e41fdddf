package io.flowstate.api;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** HTTPS for the API's port: a PEM certificate chain and its PKCS#8 private key ({@code --tls-cert}, {@code --tls-key}). */
public record Tls(Path certificate, Path privateKey) {
    public Tls {
        requireNonNull(certificate, "certificate is null");
        requireNonNull(privateKey, "privateKey is null");
    }
}
