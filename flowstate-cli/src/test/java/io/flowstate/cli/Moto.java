package io.flowstate.cli;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** moto's server ({@code python3 -m moto.server}), a real AWS-compatible server, on a free loopback port. */
final class Moto implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private Moto(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts moto and waits (at most 60 s) until it answers. */
    static Moto start() throws IOException, InterruptedException {
        int port = ServerRuns.freePort();
        Path log = Files.createTempFile("moto", ".log");
        ProcessBuilder pb = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p",
                Integer.toString(port));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Moto moto = new Moto(pb.start(), port, log);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!moto.answers()) {
            if (!moto.process.isAlive() || Instant.now().isAfter(deadline)) {
                moto.close();
                throw new IllegalStateException("moto's server did not start: " + Files.readString(log));
            }
            Thread.sleep(100); // polling a child process's port: there is nothing to wait on instead
        }
        return moto;
    }

    private boolean answers() {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint().resolve("/moto-api/").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            return c.getResponseCode() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(log);
        } catch (InterruptedException | IOException e) {
            process.destroyForcibly();
        }
    }
}
