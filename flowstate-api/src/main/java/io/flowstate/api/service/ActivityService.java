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
        for (RegistryEntry e : store.list(Documents.ACTIVITY)) {
            JsonNode n = Documents.parse(Documents.ACTIVITY, e.key(), e.body());
            activities.put(e.key(), new Activity(e.key(), n.path("name").asText(), Documents.date(n, "creationDate"),
                    Optional.ofNullable(n.get("encryption"))));
        }
    }

    public synchronized CreateActivity.Response create(CreateActivity.Request r) {
        Names.check(r.name());
        tags.checkNew(r.tags());
        String arn = ctx.arn("activity:" + r.name());
        Activity a = activities.get(arn);
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
        if (activities.containsKey(r.activityArn())) {
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
        return activities.containsKey(arn);
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
        Activity a = activities.get(text);
        if (a == null) {
            throw new ApiException.ActivityDoesNotExist("Activity Does Not Exist: '" + text + "'");
        }
        return a;
    }
}
