package io.flowstate.integrations.sdk;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds and keeps one SDK client per service, routed as the AWS SDKs route: an explicit route for the service
 * (configuration) first, else the endpoint named by {@code AWS_ENDPOINT_URL_<SERVICE>} (the service's SDK key,
 * e.g. {@code DYNAMODB}, {@code SFN}, {@code SECRETS_MANAGER}), else {@code AWS_ENDPOINT_URL}, else real AWS. Credentials
 * come from the default chain; for an overridden endpoint, a local stand-in that ignores them is assumed when the
 * chain has none. S3 uses path-style addressing when its endpoint is overridden (local servers have no
 * per-bucket host names).
 */
public final class SdkClients implements AutoCloseable {
    private final Map<String, String> env;
    private final Optional<AwsCredentialsProvider> credentials;
    private final Map<String, URI> overrides;
    private final Region region;
    private final SdkHttpClient http;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    /**
     * Routes by {@code env} (the process environment, or a test's), with {@code overrides} (SDK service name to
     * URL) taking precedence, in {@code region}.
     */
    public SdkClients(Map<String, String> env, Map<String, URI> overrides, Region region) {
        this(env, overrides, region, Optional.empty());
    }

    /** As above, signing every call with {@code credentials} when given instead of the default chain's. */
    public SdkClients(Map<String, String> env, Map<String, URI> overrides, Region region,
            Optional<AwsCredentialsProvider> credentials) {
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.env = Map.copyOf(requireNonNull(env, "env is null"));
        this.overrides = new ConcurrentHashMap<>(requireNonNull(overrides, "overrides is null"));
        this.region = requireNonNull(region, "region is null");
        this.http = UrlConnectionHttpClient.builder().build();
    }

    /**
     * Sends {@code service}'s calls to {@code endpoint} unless the environment names an endpoint for that service
     * itself ({@code AWS_ENDPOINT_URL_<SERVICE>}); for a default known only once a server listens (the server's own
     * Step Functions API for nested executions). Takes effect for clients not built yet.
     */
    public void defaultRoute(String service, URI endpoint) {
        SdkService.find(service).ifPresent(s -> {
            if (!env.containsKey(envKey(s))) {
                overrides.put(service, endpoint);
            }
        });
    }

    /** One line per service in {@code services}: where its calls go. */
    public String describe(java.util.List<String> services) {
        StringBuilder b = new StringBuilder();
        for (String name : services) {
            SdkService.find(name).ifPresent(s -> b.append(b.isEmpty() ? "" : ", ").append(name).append(" -> ")
                    .append(endpoint(s).map(URI::toString).orElse("AWS " + region.id())));
        }
        return b.toString();
    }

    private static String envKey(SdkService service) {
        return "AWS_ENDPOINT_URL_" + profileKey(service).toUpperCase(Locale.ROOT);
    }

    /** Clients routed as these are, signing with {@code provider} instead (an assumed role's credentials). */
    public SdkClients withCredentials(AwsCredentialsProvider provider) {
        return new SdkClients(env, Map.copyOf(overrides), region, Optional.of(provider));
    }

    /** The region clients are built for. */
    public Region region() {
        return region;
    }

    /** The client of {@code service}, built on first use. */
    public SdkClient client(SdkService service) {
        return clients.computeIfAbsent(service.name(), n -> build(service));
    }

    /** Where {@code service}'s calls go: an endpoint URL, or empty for AWS itself. */
    public Optional<URI> endpoint(SdkService service) {
        URI explicit = overrides.get(service.name());
        if (explicit != null) {
            return Optional.of(explicit);
        }
        String url = nonBlank(env.get(envKey(service))).orElseGet(() -> nonBlank(env.get("AWS_ENDPOINT_URL")).orElse(null));
        return Optional.ofNullable(url).map(URI::create);
    }

    private SdkClient build(SdkService service) {
        AwsClientBuilder<?, ?> builder = builder(service);
        builder.region(region);
        Optional<URI> endpoint = endpoint(service);
        endpoint.ifPresent(builder::endpointOverride);
        builder.credentialsProvider(credentials(endpoint.isPresent()));
        if (endpoint.isPresent()) {
            invokeIfPresent(builder, "forcePathStyle", Boolean.class, Boolean.TRUE);
        }
        invokeIfPresent(builder, "httpClient", SdkHttpClient.class, http);
        // One call per Task attempt: the state's Retry decides about trying again, as on AWS, and a failure is
        // the same whatever else is failing at the time (the SDK's retry budget is shared and drains under load).
        builder.overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
        return (SdkClient) builder.build();
    }

    private AwsCredentialsProvider credentials(boolean local) {
        if (credentials.isPresent()) {
            return credentials.get();
        }
        if (!local) {
            return DefaultCredentialsProvider.builder().build();
        }
        return AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true).credentialsProviders(
                DefaultCredentialsProvider.builder().build(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    private static AwsClientBuilder<?, ?> builder(SdkService service) {
        try {
            return (AwsClientBuilder<?, ?>) service.clientClass().getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a client of " + service.name(), e);
        }
    }

    /**
     * The key the SDK reads a service's endpoint and settings under ({@code dynamodb}, {@code sfn},
     * {@code secrets_manager}): the generated client builder knows it; the package name stands in otherwise.
     */
    static String profileKey(SdkService service) {
        Object builder = builder(service);
        for (Class<?> c = builder.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod("serviceProfileProperty");
                m.setAccessible(true);
                return (String) m.invoke(builder);
            } catch (NoSuchMethodException e) {
                // look further up
            } catch (ReflectiveOperationException | RuntimeException e) {
                break;
            }
        }
        return service.name();
    }

    private static void invokeIfPresent(Object target, String method, Class<?> type, Object value) {
        try {
            Method m = target.getClass().getMethod(method, type);
            m.setAccessible(true);
            m.invoke(target, value);
        } catch (NoSuchMethodException e) {
            // not this service's option
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot set " + method, e);
        }
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        http.close();
    }
}
