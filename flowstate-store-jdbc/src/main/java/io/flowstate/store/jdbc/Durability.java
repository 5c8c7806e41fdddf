package io.flowstate.store.jdbc;

import java.util.Locale;

/**
 * What a committed transition survives ({@code --durability}). Both modes keep the rule that nothing a
 * transition causes (a task invocation, a callback's acceptance, an API reply) is visible before the commit that
 * records it; they differ in how far that commit has gone.
 * <ul>
 *   <li>{@link #POWER} (the default): the commit is on the disk (fsync) first, so it survives a power loss or an
 *       OS crash, not only a crash of Flowstate. SQLite: WAL with {@code synchronous=FULL}; PostgreSQL:
 *       {@code synchronous_commit=on}.</li>
 *   <li>{@link #PROCESS}: the commit is in the operating system's hands first, so it survives {@code kill -9}
 *       of Flowstate but a power loss may take the last commits (up to about a checkpoint's worth on SQLite,
 *       PostgreSQL's {@code wal_writer_delay}, 200 ms by default): an execution seen to end could then show
 *       RUNNING again and run its last steps again. SQLite: WAL with {@code synchronous=NORMAL}; PostgreSQL:
 *       {@code synchronous_commit=off}.</li>
 * </ul>
 */
public enum Durability {
    POWER, PROCESS;

    /** Parses {@code power} or {@code process}, in any case. */
    public static Durability parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("durability must be power or process, got '" + text + "'", e);
        }
    }

    /** The name as the command line takes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
