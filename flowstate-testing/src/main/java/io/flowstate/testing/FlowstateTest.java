package io.flowstate.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test method of the class (or the annotated method) a fresh {@link Flowstate}, injected as a
 * parameter: {@code @Test void order_paid_succeeds(Flowstate flowstate)}. The attributes set its
 * {@link FlowstateOptions}; a method's annotation overrides its class's. For options built in code (or bindings
 * every test shares), register {@link FlowstateExtension#builder()} with {@code @RegisterExtension} instead of
 * using this annotation: not both.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FlowstateExtension.class)
public @interface FlowstateTest {
    /** How the executions' virtual clocks move. */
    ClockMode clock() default ClockMode.AUTO_SKIP;

    /** Where the executions' virtual clocks start, ISO-8601 ({@code 2025-01-01T00:00:00Z}). */
    String startTime() default "2025-01-01T00:00:00Z";

    /** The region of the ARNs. */
    String region() default "us-east-1";

    /** The account of the ARNs, 12 digits. */
    String account() default "123456789012";
}
