package io.flowstate.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL {@code LISTEN} on a connection of its own, read by one daemon thread with
 * {@code PGConnection.getNotifications(timeout)}, so a notification reaches this node within milliseconds of
 * the commit that sent it. Each notification goes to the handler on a virtual thread (the reader never waits
 * for the work). When the connection breaks it is opened again a second later, and {@code onConnect} runs
 * after every (re)connection: notifications sent while it was down are lost, so the caller catches up then.
 */
final class Notifications implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Notifications.class.getName());

    private final DataSource data;
    private final List<String> channels;
    private final BiConsumer<String, String> handler;
    private final Runnable onConnect;
    private volatile boolean closed;
    private Thread reader;

    /** Listens on {@code channels}; {@code handler} gets (channel, payload). Call {@link #start}. */
    Notifications(DataSource data, List<String> channels, BiConsumer<String, String> handler, Runnable onConnect) {
        this.data = requireNonNull(data, "data is null");
        this.channels = List.copyOf(channels);
        this.handler = requireNonNull(handler, "handler is null");
        this.onConnect = requireNonNull(onConnect, "onConnect is null");
    }

    synchronized void start() {
        if (reader == null) {
            reader = Thread.ofPlatform().name("flowstate-listen").daemon().start(this::run);
        }
    }

    private void run() {
        while (!closed) {
            try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                for (String channel : channels) {
                    s.execute("LISTEN " + channel);
                }
                Thread.ofVirtual().start(onConnect);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] got = pg.getNotifications(500);
                    if (got != null) {
                        for (PGNotification n : got) {
                            Thread.ofVirtual().start(() -> handler.accept(n.getName(), n.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "LISTEN connection lost, reconnecting in 1 s: " + e);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    /** Sends a notification (delivered when the transaction of {@code c} commits). */
    static void send(Connection c, String channel, String payload) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, channel);
            ps.setString(2, payload);
            ps.execute();
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = reader;
        }
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
