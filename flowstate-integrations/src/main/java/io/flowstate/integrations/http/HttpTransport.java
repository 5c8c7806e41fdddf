package io.flowstate.integrations.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The one JDK {@link HttpClient} every HTTP Task shares (it pools connections and is thread-safe). It speaks
 * HTTP/1.1, as AWS's requests show ({@code Transfer-Encoding: chunked}), and so never adds an {@code h2c} upgrade
 * to plain-HTTP requests; it does not follow redirects, so a 3xx is the task's answer. Requests time out after
 * 60 seconds, AWS's limit for an HTTP Task.
 */
final class HttpTransport {
    /** AWS's limit for one HTTP Task request. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    private HttpTransport() {}

    /**
     * Sends {@code request} and reads the whole body as bytes. A refused or reset connection, an unknown host or a
     * timeout is {@link HttpFailure} {@code States.Http.Socket} with the JDK's description as cause.
     */
    static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new HttpFailure("States.Http.Socket", describe(e));
        } catch (InterruptedException e) {
            // The task's thread is being stopped (shutdown or cancellation): keep the flag for the caller's loop.
            Thread.currentThread().interrupt();
            throw new HttpFailure("States.Http.Socket", "The HTTP request was interrupted.");
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        for (Throwable c = e.getCause(); (message == null || message.isBlank()) && c != null; c = c.getCause()) {
            message = c.getMessage();
        }
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
