package io.flowstate.api.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.api.ApiException;
import io.flowstate.api.model.ActivityListItem;
import io.flowstate.api.model.CreateActivity;
import io.flowstate.api.model.DeleteActivity;
import io.flowstate.api.model.DescribeActivity;
import io.flowstate.api.model.GetActivityTask;
import io.flowstate.api.model.ListActivities;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.runtime.ActivityTask;
import io.flowstate.engine.runtime.Engine;
import io.flowstate.engine.runtime.InMemoryRegistryStore;
import io.flowstate.engine.runtime.RegistryChange;
import io.flowstate.engine.runtime.RegistryEntry;
import io.flowstate.engine.runtime.RegistryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Activities: the registry (create is idempotent by name, as AWS's is; kept in the {@link RegistryStore} as
 * {@code activity} documents and cached in memory) and GetActivityTask, which waits up to 60 seconds for a task
 * on the caller's virtual thread, so waiting pollers cost no platform thread.
 */
public final class ActivityService {
    /** AWS holds a GetActivityTask request open for up to 60 seconds. */
    static final Duration POLL = Duration.ofSeconds(60);

    private record Activity(String arn, String name, Instant creationDate, Optional<JsonNode> encryption) {}

    private final ApiContext ctx;
    private final Tags tags;
    private final Engine engine;
    private final Duration poll;
    private final RegistryStore store;
    private final Map<String, Activity> activities = new LinkedHashMap<>();

    /** Activities in memory only. */
    public ActivityService(ApiContext ctx, Tags tags, Engine engine, Duration poll) {
        this(ctx, tags, engine, poll, new InMemoryRegistryStore());
    }

    /** Activities in {@code store}, loading those it holds. */
    public ActivityService(ApiContext ctx, Tags tags, Engine engine, Duration poll, RegistryStore store) {
        this.ctx = ctx;
        this.tags = tags;
        this.engine = engine;
        this.poll = poll;
        this.store = store;
        reloadAll();
    }

    /** Reads every activity again from the store (another node may have changed any of them). */
    public synchronized void reloadAll() {
        activities.clear();
        for (RegistryEntry e : store.list(Documents.ACTIVITY)) {
            activities.put(e.key(), read(e.key(), e.body()));
        }
    }

    /** Reads activity {@code arn} again from the store, after another node created or deleted it. */
    public synchronized void reload(String arn) {
        store.get(Documents.ACTIVITY, arn).ifPresentOrElse(body -> activities.put(arn, read(arn, body)),
                () -> activities.remove(arn));
    }

    private static Activity read(String arn, String body) {
        JsonNode n = Documents.parse(Documents.ACTIVITY, arn, body);
        return new Activity(arn, n.path("name").asText(), Documents.date(n, "creationDate"),
                Optional.ofNullable(n.get("encryption")));
    }

    public synchronized CreateActivity.Response create(CreateActivity.Request r) {
        Names.check(r.name());
        tags.checkNew(r.tags());
        String arn = ctx.arn("activity:" + r.name());
        Activity a = cached(arn);
        if (a == null) {
            a = new Activity(arn, r.name(), ctx.now(), r.encryptionConfiguration());
            store.apply(List.of(document(a), Tags.change(arn, r.tags())));
            activities.put(arn, a);
            tags.put(arn, r.tags());
        }
        return new CreateActivity.Response(arn, a.creationDate());
    }

    public synchronized DescribeActivity.Response describe(DescribeActivity.Request r) {
        Activity a = activity(r.activityArn());
        return new DescribeActivity.Response(a.arn(), a.name(), a.creationDate(), a.encryption());
    }

    public synchronized DeleteActivity.Response delete(DeleteActivity.Request r) {
        Arn.parse(r.activityArn(), "activity");
        if (cached(r.activityArn()) != null) {
            store.apply(List.of(new RegistryChange.Delete(Documents.ACTIVITY, r.activityArn()), Tags.removal(r.activityArn())));
            activities.remove(r.activityArn());
            tags.remove(r.activityArn());
        }
        return new DeleteActivity.Response();
    }

    public synchronized ListActivities.Response list(ListActivities.Request r) {
        List<ActivityListItem> all = activities.values().stream()
                .map(a -> new ActivityListItem(a.arn(), a.name(), a.creationDate())).toList();
        Paging.Page<ActivityListItem> page = Paging.page("ListActivities", all, r.nextToken(), r.maxResults());
        return new ListActivities.Response(page.items(), page.nextToken());
    }

    /** Not synchronized: it waits, and must not hold the registry while it does. */
    public GetActivityTask.Response getTask(GetActivityTask.Request r) {
        synchronized (this) {
            activity(r.activityArn());
        }
        try {
            Optional<ActivityTask> task = engine.pollActivity(r.activityArn(), r.workerName(), poll);
            return new GetActivityTask.Response(task.map(ActivityTask::taskToken), task.map(ActivityTask::input));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GetActivityTask.Response(Optional.empty(), Optional.empty());
        }
    }

    /** True when the activity exists; for tagging. */
    public synchronized boolean exists(String arn) {
        return cached(arn) != null;
    }

    /** The activity in memory, else read from the store (another node created it), else null. */
    private Activity cached(String arn) {
        Activity a = activities.get(arn);
        if (a == null) {
            a = store.get(Documents.ACTIVITY, arn).map(body -> read(arn, body)).orElse(null);
            if (a != null) {
                activities.put(arn, a);
            }
        }
        return a;
    }

    private static RegistryChange document(Activity a) {
        ObjectNode n = Json.object();
        n.put("name", a.name());
        n.put("creationDate", a.creationDate().toString());
        a.encryption().ifPresent(x -> n.set("encryption", x));
        return new RegistryChange.Put(Documents.ACTIVITY, a.arn(), Json.write(n));
    }

    private Activity activity(String text) {
        Arn.parse(text, "activity");
        Activity a = cached(text);
        if (a == null) {
            throw new ApiException.ActivityDoesNotExist("Activity Does Not Exist: '" + text + "'");
        }
        return a;
    }
}
