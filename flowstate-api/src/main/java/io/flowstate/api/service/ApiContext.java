package io.flowstate.api.service;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.InstantSource;

/** Where the API runs: the region and account in every ARN it makes, and the clock its dates come from. */
public record ApiContext(String region, String account, InstantSource clock) {
    public ApiContext {
        requireNonNull(region, "region is null");
        requireNonNull(account, "account is null");
        requireNonNull(clock, "clock is null");
    }

    /** {@code arn:aws:states:REGION:ACCOUNT:} followed by {@code resource}. */
    public String arn(String resource) {
        return "arn:aws:states:" + region + ":" + account + ":" + resource;
    }

    /** Now, to the millisecond (the precision AWS's dates have). */
    public Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
