package io.flowstate.api.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/**
 * What the codecs need to know about one request or response record, worked out once per class. Asking
 * reflection on every request was most of the protocol's CPU: {@link Class#getRecordComponents()} returns new
 * objects each time, so each call re-parsed the {@link Constraint} annotations, looked up the constructor and
 * made accessors accessible again.
 *
 * @param components the record's components, in declaration order
 * @param constructor the canonical constructor, taking an {@code Object[]} of the components' values
 */
record RecordShape(List<Component> components, MethodHandle constructor) {
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return build(type);
        }
    };

    /**
     * One record component.
     *
     * @param name the member name
     * @param raw its erased type
     * @param argument the type argument of an {@code Optional} or {@code List} component, else {@code raw}
     * @param constraint its {@link Constraint}, or null
     * @param accessor reads the component from a record ({@code (Object) -> Object})
     */
    record Component(String name, Class<?> raw, Type argument, Constraint constraint, MethodHandle accessor) {
        /** The value of this component in {@code record}. */
        Object read(Record record) {
            try {
                return accessor.invoke(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + name + " of " + record.getClass().getName(), e);
            }
        }
    }

    /** The shape of {@code type}, a record class (worked out on first use, then shared). */
    static RecordShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    /** A new record of this shape from its component values; the constructor's own exceptions pass through. */
    Object construct(Object[] args) {
        try {
            return constructor.invoke(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot build a record", e);
        }
    }

    private static RecordShape build(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        // Model records may be nested in non-public classes: the reflective objects are made accessible once and
        // unreflected, which carries that access over to the handles.
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        RecordComponent[] rc = type.getRecordComponents();
        Component[] components = new Component[rc.length];
        try {
            for (int i = 0; i < rc.length; i++) {
                RecordComponent c = rc[i];
                Type generic = c.getGenericType();
                Type argument = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : c.getType();
                Method getter = c.getAccessor();
                getter.setAccessible(true);
                MethodHandle accessor = lookup.unreflect(getter)
                        .asType(MethodType.methodType(Object.class, Object.class));
                components[i] = new Component(c.getName(), c.getType(), argument, c.getAnnotation(Constraint.class), accessor);
            }
            Class<?>[] types = Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            MethodHandle ctor = lookup.unreflectConstructor(canonical)
                    .asType(MethodType.methodType(Object.class, types).generic())
                    .asSpreader(Object[].class, types.length);
            return new RecordShape(List.of(components), ctor);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot use " + type.getName() + " as an API record", e);
        }
    }
}
