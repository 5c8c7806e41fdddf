package io.flowstate.api.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * AWS Signature Version 4 on every request ({@code --auth sigv4}): the {@code Authorization} header names a
 * known access key, and signing the same request (the headers it says it signed, its body, its
 * {@code X-Amz-Date}, its credential scope) again with that key's secret, with the AWS SDK's own signer, gives
 * the same signature (the SDK's {@code Aws4Signer}). The signatures are compared in constant time; a request dated more than 5 minutes from
 * now is refused, as AWS refuses it. Secrets never leave {@link AccessKeys}.
 */
public final class SigV4Authenticator implements Authenticator {
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/"
            + "([^/,\\s]+)/([^/,\\s]+)/aws4_request,\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]{64})\\s*");
    private static final Pattern SIGNATURE = Pattern.compile("Signature=([0-9a-f]{64})");

    private final AccessKeys keys;
    private final InstantSource clock;

    public SigV4Authenticator(AccessKeys keys, InstantSource clock) {
        this.keys = requireNonNull(keys, "keys is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Verdict check(io.flowstate.api.auth.SignedRequest request) {
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isEmpty()) {
            return new Verdict.Refused(AuthFailure.missing());
        }
        Matcher m = AUTHORIZATION.matcher(authorization.get());
        if (!m.matches()) {
            return new Verdict.Refused(AuthFailure.incomplete("Authorization header requires 'Credential', "
                    + "'SignedHeaders' and 'Signature' parameters of an AWS4-HMAC-SHA256 signature."));
        }
        Optional<AccessKeys.Key> key = keys.find(m.group(1));
        if (key.isEmpty()) {
            return new Verdict.Refused(AuthFailure.unknownKey());
        }
        return signatureFailure(request, m, key.get()).<Verdict>map(Verdict.Refused::new)
                .orElseGet(() -> new Verdict.Accepted(key));
    }

    /** Why the signature of a request naming a known key does not hold, if it does not. */
    private Optional<AuthFailure> signatureFailure(io.flowstate.api.auth.SignedRequest request, Matcher m,
            AccessKeys.Key key) {
        Optional<String> date = request.header("X-Amz-Date");
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(date.orElseThrow()));
        } catch (java.util.NoSuchElementException | DateTimeParseException e) {
            return Optional.of(AuthFailure.incomplete("Authorization header requires existence of either a "
                    + "'X-Amz-Date' or a 'Date' header."));
        }
        Optional<AuthFailure> skew = skew(signedAt);
        if (skew.isPresent()) {
            return skew;
        }
        String expected = resign(request, key, m.group(5), m.group(3), m.group(4), signedAt);
        boolean same = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                m.group(6).getBytes(StandardCharsets.US_ASCII));
        return same ? Optional.empty() : Optional.of(AuthFailure.badSignature());
    }

    private Optional<AuthFailure> skew(Instant signedAt) {
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(SKEW))) {
            return Optional.of(AuthFailure.skewed("Signature expired: " + AMZ_DATE.format(signedAt) + " is now earlier than "
                    + AMZ_DATE.format(now.minus(SKEW)) + " (" + AMZ_DATE.format(now) + " - 5 min.)"));
        }
        if (signedAt.isAfter(now.plus(SKEW))) {
            return Optional.of(AuthFailure.skewed("Signature not yet current: " + AMZ_DATE.format(signedAt)
                    + " is still later than " + AMZ_DATE.format(now.plus(SKEW)) + " (" + AMZ_DATE.format(now)
                    + " + 5 min.)"));
        }
        return Optional.empty();
    }

    /**
     * The signature the SDK's signer gives the request's signed headers and body with the key's secret. It is the
     * SDK's {@code Aws4Signer}: it signs exactly the headers it is given, as every SigV4 client does; the newer
     * {@code AwsV4HttpSigner} always adds and signs {@code x-amz-content-sha256}, which botocore and the AWS CLI do
     * not send to Step Functions, so its signatures match only the Java SDK's own.
     */
    @SuppressWarnings("deprecation")
    private static String resign(io.flowstate.api.auth.SignedRequest request, AccessKeys.Key key, String signedHeaders,
            String region, String service, Instant signedAt) {
        String host = request.header("Host").orElse("localhost");
        SdkHttpFullRequest.Builder http = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(request.method()))
                .protocol("http").host(hostName(host)).encodedPath(request.path())
                // The signer writes the Host header from these (the port only when not 80).
                .port(port(host))
                .contentStreamProvider(ContentStreamProvider.fromByteArray(request.body()));
        request.rawQuery().ifPresent(q -> addQuery(http, q));
        for (String name : List.of(signedHeaders.split(";"))) {
            if (name.equals("x-amz-date")) {
                continue; // the signer writes it from the signing clock
            }
            for (var h : request.headers().entrySet()) {
                if (h.getKey().toLowerCase(Locale.ROOT).equals(name)) {
                    http.putHeader(h.getKey(), h.getValue());
                }
            }
        }
        Aws4SignerParams params = Aws4SignerParams.builder()
                .awsCredentials(AwsBasicCredentials.create(key.id(), key.secret()))
                .signingName(service).signingRegion(Region.of(region))
                .signingClockOverride(Clock.fixed(signedAt, ZoneOffset.UTC)).build();
        SdkHttpFullRequest signed = Aws4Signer.create().sign(http.build(), params);
        Matcher m = SIGNATURE.matcher(signed.firstMatchingHeader("Authorization").orElse(""));
        return m.find() ? m.group(1) : "";
    }

    private static Integer port(String hostHeader) {
        int colon = hostHeader.lastIndexOf(':');
        if (colon > 0 && !hostHeader.endsWith("]")) {
            try {
                return Integer.parseInt(hostHeader.substring(colon + 1));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String hostName(String hostHeader) {
        int colon = hostHeader.lastIndexOf(':');
        return colon > 0 && !hostHeader.endsWith("]") ? hostHeader.substring(0, colon) : hostHeader;
    }

    private static void addQuery(SdkHttpFullRequest.Builder http, String rawQuery) {
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            http.appendRawQueryParameter(name, value);
        }
    }
}
