package io.flowstate.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches an expected string that contains placeholder tokens ({@code <name>} or {@code <name:N>}) against an
 * actual string: each token stands for one or more characters and binds consistently through {@link Bindings}.
 * The recording replaced values (UUIDs, names, embedded inputs) by such tokens anywhere inside strings, so the
 * tokens may sit inside longer text: {@code "...Request ID: <request_id>; Proxy: null)"}.
 */
public final class TokenPattern {
    static final Pattern TOKEN = Pattern.compile("<[A-Za-z][A-Za-z0-9_.:\\-]*>");

    private TokenPattern() {}

    public static boolean hasTokens(String expected) {
        return TOKEN.matcher(expected).find();
    }

    /** Whether {@code actual} matches {@code expected}; on success the new tokens are bound. */
    public static boolean matches(String expected, String actual, Bindings bindings) {
        StringBuilder regex = new StringBuilder();
        List<String> groupTokens = new ArrayList<>();
        Map<String, Integer> groupOfToken = new HashMap<>();
        Matcher tokens = TOKEN.matcher(expected);
        int last = 0;
        while (tokens.find()) {
            regex.append(Pattern.quote(expected.substring(last, tokens.start())));
            String token = tokens.group();
            var bound = bindings.get(token);
            if (bound.isPresent()) {
                regex.append(Pattern.quote(bound.get()));
            } else if (groupOfToken.containsKey(token)) {
                regex.append("\\").append(groupOfToken.get(token));
            } else {
                groupTokens.add(token);
                groupOfToken.put(token, groupTokens.size());
                regex.append("(.+?)");
            }
            last = tokens.end();
        }
        regex.append(Pattern.quote(expected.substring(last)));
        Matcher match = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual);
        if (!match.matches()) {
            return false;
        }
        for (int i = 0; i < groupTokens.size(); i++) {
            bindings.bind(groupTokens.get(i), match.group(i + 1));
        }
        return true;
    }
}
