package io.flowstate.testing;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link FlowstateTest}: resolves {@link Flowstate} parameters of test methods (and
 * of their {@code @BeforeEach} methods, which get the same instance as the test), one fresh Flowstate per test.
 * Registered programmatically it carries its own options and a set-up applied to each Flowstate:
 *
 * <pre>{@code
 * @RegisterExtension
 * static FlowstateExtension flowstate = FlowstateExtension.builder()
 *         .clock(ClockMode.MANUAL)
 *         .setUp(f -> f.lambda("check-stock").returns("{\"available\":true}"))
 *         .build();
 * }</pre>
 */
public final class FlowstateExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FlowstateExtension.class);

    private final Optional<FlowstateOptions> options;
    private final Consumer<Flowstate> setUp;

    /** The extension as {@link FlowstateTest} registers it: options from the annotation. */
    public FlowstateExtension() {
        this(Optional.empty(), f -> { });
    }

    private FlowstateExtension(Optional<FlowstateOptions> options, Consumer<Flowstate> setUp) {
        this.options = options;
        this.setUp = setUp;
    }

    /** A builder for {@code @RegisterExtension}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Flowstate.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // Keyed by the test method's context: a @BeforeEach method and its test share one Flowstate.
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Flowstate.class, k -> {
            Flowstate f = Flowstate.create(options.orElseGet(() -> fromAnnotation(context)));
            setUp.accept(f);
            return f;
        }, Flowstate.class);
    }

    private static FlowstateOptions fromAnnotation(ExtensionContext context) {
        Optional<FlowstateTest> a = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, FlowstateTest.class))
                .or(() -> context.getTestClass().flatMap(FlowstateExtension::onClass));
        return a.map(t -> new FlowstateOptions(Instant.parse(t.startTime()), t.clock(), t.region(), t.account()))
                .orElseGet(FlowstateOptions::defaults);
    }

    /** The annotation of {@code type}, else of the class it is nested in (a {@code @Nested} test class). */
    private static Optional<FlowstateTest> onClass(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            Optional<FlowstateTest> a = AnnotationSupport.findAnnotation(c, FlowstateTest.class);
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }

    /** Options and a set-up for a programmatically registered extension. */
    public static final class Builder {
        private FlowstateOptions options = FlowstateOptions.defaults();
        private Consumer<Flowstate> setUp = f -> { };

        private Builder() {}

        /** The executions' clock mode. */
        public Builder clock(ClockMode mode) {
            options = options.withClockMode(mode);
            return this;
        }

        /** Where the executions' virtual clocks start. */
        public Builder startTime(Instant start) {
            options = options.withStartTime(start);
            return this;
        }

        /** The region and account of the ARNs. */
        public Builder region(String region, String account) {
            options = options.withRegion(region, account);
            return this;
        }

        /** Runs on each test's fresh Flowstate before the test: bindings every test shares. */
        public Builder setUp(Consumer<Flowstate> action) {
            setUp = setUp.andThen(requireNonNull(action, "action is null"));
            return this;
        }

        public FlowstateExtension build() {
            return new FlowstateExtension(Optional.of(options), setUp);
        }
    }
}
