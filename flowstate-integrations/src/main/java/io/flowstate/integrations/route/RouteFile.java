package io.flowstate.integrations.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a routing file ({@code --integrations FILE}, YAML or JSON): a list {@code routes}, each with
 * {@code resource} (an ARN pattern) and/or {@code state}, and exactly one target: {@code endpoint} (a URL, with
 * optional {@code credentials: {accessKeyId, secretAccessKey}}), {@code aws: true}, {@code mock: {file, testCase}},
 * {@code http} (a URL), {@code command} (a list, or a string split on spaces; optional {@code directory}),
 * {@code java} (a handler name) or {@code buckets} (a folder serving S3, one sub-folder per bucket).
 * {@code timeoutSeconds} bounds http and command calls (default 60). Relative
 * paths are resolved against the file's folder. The first route that matches an invocation takes it.
 */
public final class RouteFile {
    private static final Set<String> TARGETS = Set.of("endpoint", "aws", "mock", "http", "command", "java", "buckets");
    private static final Set<String> KNOWN = Set.of("resource", "state", "endpoint", "credentials", "aws", "mock",
            "http", "command", "directory", "java", "buckets", "timeoutSeconds");

    private RouteFile() {}

    /** The routes of {@code file}; {@link IllegalArgumentException} naming the file and entry when it is invalid. */
    public static List<Route> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the routing file: " + e.getMessage(), e);
        }
        if (root == null || !root.path("routes").isArray()) {
            throw new IllegalArgumentException(file + ": a routing file is an object with a list 'routes'");
        }
        Path base = file.toAbsolutePath().getParent();
        List<Route> routes = new ArrayList<>();
        int i = 0;
        for (JsonNode r : root.get("routes")) {
            String at = file + ": routes[" + i++ + "]";
            routes.add(route(r, base, at));
        }
        return List.copyOf(routes);
    }

    private static Route route(JsonNode r, Path base, String at) {
        if (!r.isObject()) {
            throw new IllegalArgumentException(at + ": a route is an object");
        }
        for (Map.Entry<String, JsonNode> e : r.properties()) {
            if (!KNOWN.contains(e.getKey())) {
                throw new IllegalArgumentException(at + ": unknown field '" + e.getKey() + "' (known: " + KNOWN + ")");
            }
        }
        List<String> targets = TARGETS.stream().filter(r::has).sorted().toList();
        if (targets.size() != 1) {
            throw new IllegalArgumentException(at + ": a route needs exactly one of " + TARGETS + ", found " + targets);
        }
        Match match;
        try {
            match = new Match(text(r, "resource"), text(r, "state"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
        }
        Duration timeout = Duration.ofSeconds(r.path("timeoutSeconds").asLong(60));
        Target target = switch (targets.get(0)) {
            case "endpoint" -> new Target.Endpoint(uri(r.get("endpoint"), at), text(r.path("credentials"), "accessKeyId"),
                    text(r.path("credentials"), "secretAccessKey"));
            case "aws" -> new Target.Aws();
            case "mock" -> new Target.Mock(base.resolve(required(r.get("mock"), "file", at)),
                    required(r.get("mock"), "testCase", at));
            case "http" -> new Target.Http(uri(r.get("http"), at), timeout);
            case "command" -> new Target.Command(argv(r.get("command"), at),
                    text(r, "directory").map(base::resolve), timeout);
            case "java" -> new Target.Java(r.get("java").asText());
            case "buckets" -> new Target.Buckets(base.resolve(r.get("buckets").asText()).normalize());
            default -> throw new IllegalStateException(targets.get(0));
        };
        return new Route(match, target);
    }

    private static List<String> argv(JsonNode n, String at) {
        List<String> argv = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(a -> argv.add(a.asText()));
        } else if (n.isTextual()) {
            argv.addAll(List.of(n.textValue().trim().split("\\s+")));
        }
        if (argv.isEmpty() || argv.get(0).isEmpty()) {
            throw new IllegalArgumentException(at + ": 'command' is a list of arguments or a command line");
        }
        return argv;
    }

    private static URI uri(JsonNode n, String at) {
        try {
            URI u = URI.create(n.asText());
            if (u.getScheme() == null || !u.getScheme().startsWith("http")) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": '" + n.asText() + "' is not an http(s) URL", e);
        }
    }

    private static String required(JsonNode n, String field, String at) {
        return text(n, field).orElseThrow(() -> new IllegalArgumentException(at + ": 'mock' needs '" + field + "'"));
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
