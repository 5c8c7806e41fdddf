package io.flowstate.testing;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The settings of one {@link Flowstate} test environment: where every execution's virtual clock starts, how it
 * moves, and the region and account that execution, state machine and template ARNs are made of.
 *
 * <p>The default start time is fixed (not "now") so that histories, and golden files of them, are the same on
 * every run.
 */
public record FlowstateOptions(Instant startTime, ClockMode clockMode, String region, String account) {
    /** 2025-01-01T00:00:00Z: fixed, so that history timestamps do not change between runs. */
    public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

    public FlowstateOptions {
        requireNonNull(startTime, "startTime is null");
        requireNonNull(clockMode, "clockMode is null");
        requireNonNull(region, "region is null");
        requireNonNull(account, "account is null");
        if (!account.matches("\\d{12}")) {
            throw new IllegalArgumentException("account must be 12 digits, not '" + account + "'");
        }
    }

    /** Virtual time from {@link #DEFAULT_START}, skipping waits, in us-east-1, account 123456789012. */
    public static FlowstateOptions defaults() {
        return new FlowstateOptions(DEFAULT_START, ClockMode.AUTO_SKIP, "us-east-1", "123456789012");
    }

    /** The same options with another start time. */
    public FlowstateOptions withStartTime(Instant start) {
        return new FlowstateOptions(start, clockMode, region, account);
    }

    /** The same options with another clock mode. */
    public FlowstateOptions withClockMode(ClockMode mode) {
        return new FlowstateOptions(startTime, mode, region, account);
    }

    /** The same options in another region and account. */
    public FlowstateOptions withRegion(String newRegion, String newAccount) {
        return new FlowstateOptions(startTime, clockMode, newRegion, newAccount);
    }
}
