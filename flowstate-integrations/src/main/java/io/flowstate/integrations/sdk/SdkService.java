package io.flowstate.integrations.sdk;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkClient;

/**
 * One AWS service as the AWS SDK for Java v2 models it, found by reflection from its package name (the name
 * {@code aws-sdk:<service>:<action>} uses: {@code s3}, {@code dynamodb}, {@code sfn}, {@code secretsmanager},
 * ...). Nothing here is written per service: the client interface, the request and response classes and
 * their fields all come from the SDK's generated code, so any SDK v2 service module on the class path works.
 */
public final class SdkService {
    private static final String ROOT = "software.amazon.awssdk.services.";

    private final String name;
    private final Class<? extends SdkClient> clientClass;

    private SdkService(String name, Class<? extends SdkClient> clientClass) {
        this.name = name;
        this.clientClass = clientClass;
    }

    /** Services looked up so far (found or not): the class path does not change, and a lookup scans a jar. */
    private static final java.util.Map<String, Optional<SdkService>> FOUND = new java.util.concurrent.ConcurrentHashMap<>();

    /** An action's request class and client method, looked up once. */
    private record Action(Optional<Class<?>> request, Optional<Method> method) {}

    private final java.util.Map<String, Action> actions = new java.util.concurrent.ConcurrentHashMap<>();

    /** The service whose SDK package is {@code software.amazon.awssdk.services.<name>}, if its module is present. */
    public static Optional<SdkService> find(String name) {
        return FOUND.computeIfAbsent(name, SdkService::lookUp);
    }

    private static Optional<SdkService> lookUp(String name) {
        if (!name.matches("[a-z0-9]+")) {
            return Optional.empty();
        }
        ClassLoader loader = SdkService.class.getClassLoader();
        for (String simple : clientClassNames(loader, name)) {
            try {
                Class<?> c = Class.forName(ROOT + name + "." + simple, false, loader);
                if (c.isInterface() && SdkClient.class.isAssignableFrom(c)) {
                    return Optional.of(new SdkService(name, c.asSubclass(SdkClient.class)));
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not this one
            }
        }
        return Optional.empty();
    }

    /** The SDK package name, e.g. {@code dynamodb}. */
    public String name() {
        return name;
    }

    /** The synchronous client interface, e.g. {@code DynamoDbClient}. */
    public Class<? extends SdkClient> clientClass() {
        return clientClass;
    }

    /** The class name prefix the SDK gives the service, e.g. {@code DynamoDb} (also its errors' prefix). */
    public String prefix() {
        String simple = clientClass.getSimpleName();
        return simple.substring(0, simple.length() - "Client".length());
    }

    /** The model class {@code <Action>Request} of {@code action} (camelCase, as in the ARN), if the service has it. */
    public Optional<Class<?>> requestClass(String action) {
        return action(action).request();
    }

    /** The client method of {@code action}: see {@link #operation(String, Class)}. */
    public Optional<Method> operation(String action) {
        return action(action).method();
    }

    private Action action(String action) {
        return actions.computeIfAbsent(action, a -> {
            Optional<Class<?>> request = modelClass(capitalize(a) + "Request");
            return new Action(request, request.flatMap(r -> operation(a, r)));
        });
    }

    /** A model class of this service by simple name. */
    public Optional<Class<?>> modelClass(String simpleName) {
        try {
            return Optional.of(Class.forName(ROOT + name + ".model." + simpleName, true, clientClass.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The client method that takes {@code request} alone (or with a request body, for a streaming upload). */
    public Optional<Method> operation(String action, Class<?> request) {
        Method single = null;
        Method streaming = null;
        for (Method m : clientClass.getMethods()) {
            if (!m.getName().equals(action) || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Class<?>[] p = m.getParameterTypes();
            if (p.length == 1 && p[0] == request) {
                single = m;
            } else if (p.length == 2 && p[0] == request && p[1].getSimpleName().equals("RequestBody")) {
                streaming = m;
            }
        }
        // A streaming download (S3 GetObject) is read whole: the <action>AsBytes variant.
        Optional<Method> asBytes = method(action + "AsBytes", request);
        if (asBytes.isPresent()) {
            return asBytes;
        }
        return Optional.ofNullable(single != null ? single : streaming);
    }

    private Optional<Method> method(String methodName, Class<?> request) {
        try {
            return Optional.of(clientClass.getMethod(methodName, request));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    static String capitalize(String action) {
        return action.isEmpty() ? action : action.substring(0, 1).toUpperCase(Locale.ROOT) + action.substring(1);
    }

    /** The names of the {@code *Client} classes in the service's package, read from the jar or directory holding it. */
    private static List<String> clientClassNames(ClassLoader loader, String name) {
        String dir = (ROOT + name).replace('.', '/') + "/";
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources(dir);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (url.getProtocol().equals("jar")) {
                    JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        clientName(dir, entries.nextElement().getName()).ifPresent(names::add);
                    }
                } else if (url.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.forEach(f -> clientName("", f.getFileName().toString()).ifPresent(names::add));
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            return names;
        }
        return names;
    }

    private static Optional<String> clientName(String dir, String entry) {
        if (!entry.startsWith(dir) || !entry.endsWith("Client.class")) {
            return Optional.empty();
        }
        String simple = entry.substring(dir.length(), entry.length() - ".class".length());
        if (simple.contains("/") || simple.endsWith("AsyncClient") || simple.startsWith("Default")
                || simple.contains("$")) {
            return Optional.empty();
        }
        return Optional.of(simple);
    }
}
