package io.flowstate.asl.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Parser;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field names a compiled expression reads from the top-level context, which Step Functions leaves empty:
 * a JSONata state reaches its input through {@code $states.input} and its variables as {@code $name}, so a bare
 * {@code phone} can only be a mistake, and AWS refuses the definition at creation
 * ({@code UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'phone' at the top level is not supported.}).
 *
 * <p>Walks the library's processed syntax tree. Only the first step of a path is evaluated against the
 * top-level context: later steps, predicates, sort terms, grouping and transforms run against the value before
 * them, so names there are legal ({@code $states.input.phone}, {@code $x[price > 10]}) and the walk does not
 * descend into them. Operands, function arguments, array and object constructors (keys too: {@code {a: 1}}
 * reads {@code a}), conditions, blocks and lambda bodies (a lambda keeps the context it was defined in) are
 * evaluated at the top level. The context item {@code $} read there is reported too, as {@code '$'}: AWS's
 * own guidance for JSONata states says neither {@code $} nor unqualified field names may be used at the top
 * level.
 *
 * <p>The tree's fields are package-private in the library, so they are read reflectively, all resolved once
 * here: a library upgrade that renames one fails on first use rather than silently finding nothing.
 */
final class TopLevelReferences {
    private static final Field AST = field(Jsonata.class, "ast");
    private static final Map<String, Field> FIELDS = symbolFields("type", "value", "steps", "lhs", "rhs",
            "expression", "expressions", "procedure", "arguments", "body", "condition", "then", "_else");

    private TopLevelReferences() {}

    /** The distinct names, in the order written. */
    static List<String> of(Jsonata compiled) {
        Set<String> names = new LinkedHashSet<>();
        collect((Parser.Symbol) read(AST, compiled), names);
        return List.copyOf(names);
    }

    private static void collect(Parser.Symbol node, Set<String> names) {
        if (node == null) {
            return;
        }
        String type = (String) get(node, "type");
        if (type == null) {
            return;
        }
        switch (type) {
            case "path" -> {
                List<Parser.Symbol> steps = list(node, "steps");
                if (steps != null && !steps.isEmpty()) {
                    collect(steps.get(0), names);
                }
            }
            case "name" -> names.add(String.valueOf(get(node, "value")));
            case "variable" -> {
                // The context item $ has the empty name; $$ (named "$") is refused by its own rule.
                if ("".equals(get(node, "value"))) {
                    names.add("$");
                }
            }
            case "binary", "apply" -> {
                collect(symbol(node, "lhs"), names);
                collect(symbol(node, "rhs"), names);
            }
            case "bind" -> collect(symbol(node, "rhs"), names);
            case "function", "partial" -> {
                collect(symbol(node, "procedure"), names);
                collectAll(list(node, "arguments"), names);
            }
            case "lambda" -> collect(symbol(node, "body"), names);
            case "condition" -> {
                collect(symbol(node, "condition"), names);
                collect(symbol(node, "then"), names);
                collect(symbol(node, "_else"), names);
            }
            case "block" -> collectAll(list(node, "expressions"), names);
            case "unary" -> unary(node, names);
            default -> {
                // Literals, regular expressions, wildcards, transforms, sorts and filters do not read
                // a name from the top-level context.
            }
        }
    }

    private static void unary(Parser.Symbol node, Set<String> names) {
        // The array constructor's operator is a Character, the others' a String.
        switch (String.valueOf(get(node, "value"))) {
            case "[" -> collectAll(list(node, "expressions"), names);
            case "{" -> {
                if (node.lhsObject != null) {
                    for (Parser.Symbol[] pair : node.lhsObject) {
                        collect(pair[0], names);
                        collect(pair[1], names);
                    }
                }
            }
            default -> collect(symbol(node, "expression"), names);
        }
    }

    private static void collectAll(List<Parser.Symbol> nodes, Set<String> names) {
        if (nodes != null) {
            for (Parser.Symbol n : nodes) {
                collect(n, names);
            }
        }
    }

    private static Object get(Parser.Symbol node, String name) {
        return read(FIELDS.get(name), node);
    }

    private static Parser.Symbol symbol(Parser.Symbol node, String name) {
        return get(node, name) instanceof Parser.Symbol s ? s : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Parser.Symbol> list(Parser.Symbol node, String name) {
        Object v = get(node, name);
        return v instanceof List<?> l ? (List<Parser.Symbol>) l : null;
    }

    private static Object read(Field f, Object target) {
        try {
            return f.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the JSONata syntax tree field " + f.getName(), e);
        }
    }

    private static Map<String, Field> symbolFields(String... names) {
        Map<String, Field> out = new HashMap<>();
        for (String n : names) {
            out.put(n, field(Parser.Symbol.class, n));
        }
        return Map.copyOf(out);
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("the JSONata library no longer has " + owner.getSimpleName() + "."
                    + name + ": the top-level reference check must follow its new syntax tree", e);
        }
    }
}
