package io.flowstate.api.model;

import io.flowstate.api.codec.Constraint;

/** A resource tag. */
public record Tag(@Constraint(minLength = 1, maxLength = 128) String key,
        @Constraint(minLength = 0, maxLength = 256) String value) {}
