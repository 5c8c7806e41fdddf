package io.flowstate.api.service;

import io.flowstate.api.ApiException;
import io.flowstate.api.model.ListTagsForResource;
import io.flowstate.api.model.TagResource;
import io.flowstate.api.model.UntagResource;

/** TagResource, UntagResource and ListTagsForResource on state machines and activities. */
public final class TagService {
    private final Tags tags;
    private final StateMachineService machines;
    private final ActivityService activities;

    public TagService(Tags tags, StateMachineService machines, ActivityService activities) {
        this.tags = tags;
        this.machines = machines;
        this.activities = activities;
    }

    public TagResource.Response tag(TagResource.Request r) {
        tags.add(resource(r.resourceArn()), r.tags());
        return new TagResource.Response();
    }

    public UntagResource.Response untag(UntagResource.Request r) {
        tags.removeKeys(resource(r.resourceArn()), r.tagKeys());
        return new UntagResource.Response();
    }

    public ListTagsForResource.Response list(ListTagsForResource.Request r) {
        return new ListTagsForResource.Response(tags.list(resource(r.resourceArn())));
    }

    private String resource(String text) {
        Arn arn = Arn.parse(text, "stateMachine", "activity");
        boolean exists = arn.type().equals("activity") ? activities.exists(text)
                : arn.qualifier().isEmpty() && machines.exists(text);
        if (!exists) {
            throw new ApiException.ResourceNotFound("Resource not found: '" + text + "'");
        }
        return text;
    }
}
