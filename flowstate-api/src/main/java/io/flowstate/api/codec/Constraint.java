package io.flowstate.api.codec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API model's constraints on one request member, checked by {@link RequestDecoder} the way AWS's front end
 * checks them: lengths for strings and lists, value ranges for numbers, and {@code sensitive} members whose
 * value an error message must not repeat. Defaults mean "no constraint".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Constraint {
    long minLength() default -1;

    long maxLength() default -1;

    long min() default Long.MIN_VALUE;

    long max() default Long.MAX_VALUE;

    boolean sensitive() default false;

    /** For a list: the member must be present (lists are optional otherwise). */
    boolean required() default false;
}
