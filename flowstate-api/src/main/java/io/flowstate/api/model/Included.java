package io.flowstate.api.model;

/** {@code inputDetails}/{@code outputDetails}: whether the payload is in the response. */
public record Included(boolean included) {}
