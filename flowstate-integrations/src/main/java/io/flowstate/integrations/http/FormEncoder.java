package io.flowstate.integrations.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} text from a JSON object, as the HTTP Task's
 * {@code "Transform": {"RequestBodyEncoding": "URL_ENCODED"}} writes request bodies: nested objects become
 * {@code key[sub]=value}, arrays follow the {@link ArrayFormat}, and names and values are percent-encoded
 * byte by byte (UTF-8), leaving only RFC 3986's unreserved characters, so a space is {@code %20} and brackets are
 * {@code %5B %5D} (AWS's documented request: {@code metadata%5Border_details%5D=monthly%20report%20data}).
 * A null is an empty value; empty arrays and objects write nothing.
 */
final class FormEncoder {
    /** How arrays are written ({@code RequestEncodingOptions.ArrayFormat}); AWS's default is {@link #INDICES}. */
    enum ArrayFormat {
        /** {@code array[0]=a&array[1]=b}. */
        INDICES,
        /** {@code array=a&array=b}. */
        REPEAT,
        /** {@code array=a,b}. */
        COMMAS,
        /** {@code array[]=a&array[]=b}. */
        BRACKETS
    }

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private FormEncoder() {}

    /** {@code body}'s members as form text, in their order. */
    static String encode(JsonNode body, ArrayFormat format) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            add(pairs, member.getKey(), member.getValue(), format);
        }
        return String.join("&", pairs);
    }

    private static void add(List<String> pairs, String key, JsonNode value, ArrayFormat format) {
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                add(pairs, key + "[" + member.getKey() + "]", member.getValue(), format);
            }
        } else if (value.isArray()) {
            addArray(pairs, key, value, format);
        } else {
            pairs.add(percent(key) + "=" + percent(scalar(value)));
        }
    }

    private static void addArray(List<String> pairs, String key, JsonNode array, ArrayFormat format) {
        if (format == ArrayFormat.COMMAS) {
            if (!array.isEmpty()) {
                List<String> values = new ArrayList<>();
                // Commas separate the values, so they stay literal; a nested structure is written as its JSON text.
                array.forEach(v -> values.add(percent(v.isContainerNode() ? Json.write(v) : scalar(v))));
                pairs.add(percent(key) + "=" + String.join(",", values));
            }
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            String element = switch (format) {
                case INDICES -> key + "[" + i + "]";
                case BRACKETS -> key + "[]";
                case REPEAT, COMMAS -> key;
            };
            add(pairs, element, array.get(i), format);
        }
    }

    /** A scalar's text: strings as they are, numbers and booleans as JSON writes them, null as empty. */
    static String scalar(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "" : value.isTextual() ? value.textValue() : value.asText();
    }

    /** {@code text} percent-encoded as UTF-8, every byte outside RFC 3986's unreserved set as {@code %XX}. */
    static String percent(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
