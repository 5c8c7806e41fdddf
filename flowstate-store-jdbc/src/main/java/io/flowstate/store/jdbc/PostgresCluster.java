package io.flowstate.store.jdbc;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.interp.Trigger;
import io.flowstate.engine.runtime.ActivityTask;
import io.flowstate.engine.runtime.Cluster;
import io.flowstate.engine.runtime.TaskRef;
import io.flowstate.engine.runtime.TokenOutcome;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

/**
 * Several Flowstate nodes (server processes) on one PostgreSQL database, with no other coordinator: a
 * {@link Cluster} for each node's engine. Get one from {@link JdbcDatabase#cluster}.
 *
 * <ul>
 *   <li><b>Ownership</b> ({@link NodeLeases}): the node that starts an execution owns it and runs it in
 *       memory; its commits are refused once another node owns it. Each node renews its lease (one row of
 *       {@code nodes}) every third of the lease; every fifth of the lease it claims the running executions of
 *       nodes whose lease lapsed ({@code FOR UPDATE SKIP LOCKED}) and rebuilds them from their journal, so a
 *       killed node's executions run again on the others one lease (plus a fifth) after its last renewal.
 *       Timers are owned like the rest of the execution, so each fires on one node only. A node that stops
 *       cleanly ends its lease, and the others take over at once. A node that was paused (or cut off) for
 *       longer than its lease finds, at its next renewal, the executions taken over meanwhile and drops them.
 *       Nothing else keeps the nodes apart: fencing is the commit's check of the owner and last event id.
 *   <li><b>Any node serves any execution</b>: reads come from the database; task tokens resolve through
 *       {@link TokenTable}; triggers for executions owned elsewhere go to their owner through the
 *       {@link Inbox}; activity tasks wait in the shared {@link ActivityQueue}.
 *   <li><b>Promptly</b>: new work reaches a node by PostgreSQL notifications ({@link Notifications}), within
 *       milliseconds; the periodic tick only catches up on notifications lost while a connection was down.
 * </ul>
 */
public final class PostgresCluster implements Cluster {
    /** Registry changes: payload {@code kind<TAB>key}. */
    static final String REGISTRY_CHANNEL = "flowstate_registry";
    /** A node stopped cleanly: payload its id; the others take its executions over now. */
    static final String NODES_CHANNEL = "flowstate_nodes";
    private static final System.Logger LOG = System.getLogger(PostgresCluster.class.getName());
    private static final int BATCH = 200;

    private final Transactions tx;
    private final NodeLeases leases;
    private final Inbox inbox;
    private final TokenTable tokens;
    private final ActivityQueue activities;
    private final Notifications notifications;
    private final List<BiConsumer<String, String>> registryListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("flowstate-lease").daemon().factory());
    /** Held while taking executions over and while draining the inbox, which must not overlap. */
    private final ReentrantLock work = new ReentrantLock();
    private final AtomicBoolean drainRequested = new AtomicBoolean();
    private volatile Member member;
    private volatile boolean closed;

    PostgresCluster(Transactions tx, JdbcExecutionStore store, String nodeId, Duration lease, InstantSource clock) {
        this.tx = requireNonNull(tx, "tx is null");
        if (lease.compareTo(Duration.ofMillis(500)) < 0) {
            throw new IllegalArgumentException("the lease must be at least 500 ms: " + lease);
        }
        this.leases = new NodeLeases(tx, nodeId, lease, clock);
        this.inbox = new Inbox(tx, leases, lease.plusSeconds(10), clock);
        this.tokens = new TokenTable(tx);
        this.activities = new ActivityQueue(tx);
        this.notifications = new Notifications(tx.data(), List.of(Inbox.CHANNEL, Inbox.REPLY_CHANNEL,
                ActivityQueue.CHANNEL, REGISTRY_CHANNEL, NODES_CHANNEL), this::notified, this::reconnected);
        // The lease first: this node's new executions must not look abandoned to the others.
        leases.renew();
        store.ownAs(nodeId);
        long renewEvery = Math.max(100, lease.toMillis() / 3);
        scheduler.scheduleWithFixedDelay(this::renew, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        notifications.start();
    }

    @Override
    public String nodeId() {
        return leases.nodeId();
    }

    @Override
    public List<String> claimAtStart() {
        return leases.claimAtStart(BATCH);
    }

    @Override
    public void join(Member m) {
        if (member != null) {
            throw new IllegalStateException("node " + nodeId() + " has joined already");
        }
        member = requireNonNull(m, "member is null");
        long tickEvery = Math.max(100, leases.lease().toMillis() / 5);
        scheduler.scheduleWithFixedDelay(this::tick, 0, tickEvery, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean owns(String executionArn) {
        return leases.owns(executionArn);
    }

    @Override
    public void tokenIssued(String token, TaskRef ref) {
        tokens.put(token, ref);
    }

    @Override
    public Optional<TaskRef> token(String token) {
        return tokens.get(token);
    }

    @Override
    public void offerActivity(String activityArn, ActivityTask task) {
        activities.offer(activityArn, task);
    }

    @Override
    public Optional<ActivityTask> takeActivity(String activityArn, Duration maxWait) throws InterruptedException {
        return activities.take(activityArn, maxWait);
    }

    @Override
    public TokenOutcome forward(String executionArn, Trigger trigger) {
        return inbox.forward(executionArn, trigger);
    }

    /** The triggers other nodes forwarded to this one that it has not applied yet (a query: read when scraped). */
    public long inboxDepth() {
        return inbox.depth();
    }

    @Override
    public void onRegistryChange(BiConsumer<String, String> listener) {
        registryListeners.add(requireNonNull(listener, "listener is null"));
    }

    @Override
    public void forget(Collection<String> executionArns) {
        tokens.forget(executionArns);
    }

    /** Ends this node's lease, so that the other nodes take its executions over now rather than after it lapses. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdownNow();
        notifications.close();
        try {
            leases.release();
            tx.write(st -> {
                java.sql.Connection c = st.connection();
                Notifications.send(c, NODES_CHANNEL, nodeId());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "node " + nodeId() + " could not end its lease; the others take over "
                    + "when it lapses: " + e);
        }
    }

    /**
     * Stops this node's background work the way a crash does: the lease is neither renewed nor ended, so the
     * other nodes take its executions over when it lapses. For tests of takeover inside one JVM.
     */
    void halt() {
        closed = true;
        scheduler.shutdownNow();
        notifications.close();
    }

    // ---- background work -------------------------------------------------------------------------

    private void renew() {
        try {
            boolean lapsed = !leases.valid();
            leases.renew();
            if (lapsed) {
                // Paused or cut off for longer than the lease: the others may have taken executions over.
                disownLost();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "node " + nodeId() + " could not renew its lease: " + e);
        }
    }

    /** Drops the copies of the executions other nodes took over while this node's lease had lapsed. */
    void disownLost() {
        Member m = member;
        if (m != null) {
            List<String> lost = leases.ownedElsewhere(m.running());
            if (!lost.isEmpty()) {
                m.disown(lost);
                LOG.log(System.Logger.Level.WARNING, "node " + nodeId() + " lost " + lost.size()
                        + " execution(s) to other nodes while its lease had lapsed");
            }
        }
    }

    /** Takes over the executions of lapsed nodes, then applies the triggers waiting in the inbox. */
    private void tick() {
        Member m = member;
        if (m == null || closed) {
            return;
        }
        work.lock();
        try {
            // Claimed only while this node's own lease holds: a node cut off from the database keeps nothing.
            if (leases.valid()) {
                List<String> claimed = leases.claimExpired(BATCH);
                if (!claimed.isEmpty()) {
                    int resumed = m.adopt(claimed);
                    LOG.log(System.Logger.Level.INFO, "node " + nodeId() + " took over " + resumed + " execution(s)");
                }
            }
            drainRequested.set(false);
            inbox.drain(m);
            inbox.sweep();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "node " + nodeId() + ": lease tick failed: " + e);
        } finally {
            work.unlock();
        }
        if (drainRequested.get()) {
            drain(); // asked for while the tick held the lock, maybe after its drain had read the inbox
        }
    }

    private void notified(String channel, String payload) {
        switch (channel) {
            case Inbox.CHANNEL -> {
                if (payload.equals(nodeId())) {
                    drain();
                }
            }
            case Inbox.REPLY_CHANNEL -> inbox.replied(payload);
            case ActivityQueue.CHANNEL -> activities.arrived(payload);
            case REGISTRY_CHANNEL -> {
                int tab = payload.indexOf('\t');
                if (tab > 0) {
                    for (BiConsumer<String, String> l : registryListeners) {
                        l.accept(payload.substring(0, tab), payload.substring(tab + 1));
                    }
                }
            }
            case NODES_CHANNEL -> {
                if (!payload.equals(nodeId()) && member != null && !closed) {
                    scheduler.execute(this::tick);
                }
            }
            default -> { }
        }
    }

    /** Drains the inbox now; when a tick or another drain is running, that one drains again after it. */
    private void drain() {
        Member m = member;
        if (m == null) {
            return;
        }
        drainRequested.set(true);
        while (drainRequested.get() && work.tryLock()) {
            try {
                drainRequested.set(false);
                inbox.drain(m);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "node " + nodeId() + ": inbox drain failed: " + e);
            } finally {
                work.unlock();
            }
        }
    }

    /** After the LISTEN connection (re)opened: catch up on what its notifications would have said. */
    private void reconnected() {
        inbox.wakeAll();
        activities.wakeAll();
        drain();
        for (BiConsumer<String, String> l : registryListeners) {
            l.accept("", "");
        }
    }
}
