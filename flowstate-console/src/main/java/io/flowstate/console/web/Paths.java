package io.flowstate.console.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The console's URLs. ARNs go into paths percent-encoded, except {@code :} and {@code /}, which paths allow:
 * Jetty refuses an encoded slash ({@code %2F}) as ambiguous, and Map Run children's ARNs hold slashes, so the
 * ARN is always the rest of the path and sub-views are query parameters.
 */
public final class Paths {
    /** Where the console is mounted. */
    public static final String ROOT = "/console/";

    private Paths() {}

    /** The page of a state machine, version or alias. */
    public static String machine(String arn) {
        return ROOT + "state-machines/" + encode(arn);
    }

    /** The page of an execution. */
    public static String execution(String arn) {
        return ROOT + "executions/" + encode(arn);
    }

    /** {@code text} percent-encoded as UTF-8, keeping unreserved characters, {@code :} and {@code /}. */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~:/".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /** Query parameter encoding: {@link #encode}, with {@code /} and {@code :} encoded too. */
    public static String query(String text) {
        return encode(text).replace("/", "%2F").replace(":", "%3A");
    }

    /** Decodes {@code %XX} escapes (UTF-8); a {@code +} stays a plus, as in paths. */
    public static String decode(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                int hi = Character.digit(path.charAt(i + 1), 16);
                int lo = Character.digit(path.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    bytes.write(hi << 4 | lo);
                    i += 2;
                    continue;
                }
            }
            byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            bytes.write(raw, 0, raw.length);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
