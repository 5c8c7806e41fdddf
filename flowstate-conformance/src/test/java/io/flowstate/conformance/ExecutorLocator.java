package io.flowstate.conformance;

import java.lang.reflect.InvocationTargetException;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds the engine's {@link CaseExecutor}: the class named by the system property
 * {@code flowstate.conformance.executor} if set, else the first {@link ServiceLoader} provider.
 */
public final class ExecutorLocator {
    public static final String PROPERTY = "flowstate.conformance.executor";

    private ExecutorLocator() {}

    public static Optional<CaseExecutor> find() {
        String className = System.getProperty(PROPERTY);
        if (className != null && !className.isBlank()) {
            return Optional.of(instantiate(className.trim()));
        }
        Iterator<CaseExecutor> providers = ServiceLoader.load(CaseExecutor.class).iterator();
        return providers.hasNext() ? Optional.of(providers.next()) : Optional.empty();
    }

    private static CaseExecutor instantiate(String className) {
        try {
            Class<?> type = Class.forName(className);
            return (CaseExecutor) type.getConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException | ClassCastException e) {
            throw new IllegalStateException("-D" + PROPERTY + "=" + className
                    + " must name a CaseExecutor with a public no-argument constructor: " + e, e);
        }
    }
}
