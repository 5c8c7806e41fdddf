package io.flowstate.console.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The files pages load, read once from the class path: the stylesheet, and htmx from its webjar (Maven's copy of
 * the npm package), so that the console needs no network and no JavaScript build.
 */
final class Assets {
    private static final Map<String, String[]> FILES = Map.of(
            "console.css", new String[] {"io/flowstate/console/console.css", "text/css; charset=utf-8"},
            "graph.css", new String[] {"io/flowstate/console/graph.css", "text/css; charset=utf-8"},
            "htmx.min.js", new String[] {"META-INF/resources/webjars/htmx.org/2.0.10/dist/htmx.min.js",
                    "text/javascript; charset=utf-8"});
    private static final Map<String, Reply> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    private Assets() {}

    /** The asset named {@code name}, if there is one. */
    static Optional<Reply> get(String name) {
        String[] file = FILES.get(name);
        if (file == null) {
            return Optional.empty();
        }
        return Optional.of(LOADED.computeIfAbsent(name, n -> load(file[0], file[1])));
    }

    private static Reply load(String resource, String type) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("asset missing from the class path: " + resource);
            }
            return new Reply(200, type, in.readAllBytes(), Map.of("Cache-Control", "public, max-age=3600"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
