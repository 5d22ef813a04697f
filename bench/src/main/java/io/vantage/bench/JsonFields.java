package io.vantage.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON reading for the few answers the benchmark looks into (REST replies, webhook bodies), without a
 * JSON library in the load generator: the members of an object and the elements of an array, one level deep, each
 * as text. A string comes back unquoted and unescaped, any other value (number, object, array, true, null) as
 * written, so nested values are read by calling again. Not a validating parser: it trusts the server's JSON.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** The members of a JSON object, in order. */
    static Map<String, String> object(String json) {
        Map<String, String> members = new LinkedHashMap<>();
        int i = expect(json, skip(json, 0), '{');
        i = skip(json, i);
        if (i < json.length() && json.charAt(i) == '}') {
            return members;
        }
        while (true) {
            int keyEnd = valueEnd(json, i);
            String key = text(json, i, keyEnd);
            i = expect(json, skip(json, keyEnd), ':');
            i = skip(json, i);
            int end = valueEnd(json, i);
            members.put(key, text(json, i, end));
            i = skip(json, end);
            if (i < json.length() && json.charAt(i) == ',') {
                i = skip(json, i + 1);
                continue;
            }
            expect(json, i, '}');
            return members;
        }
    }

    /** The elements of a JSON array, in order. */
    static List<String> array(String json) {
        List<String> elements = new ArrayList<>();
        int i = skip(json, expect(json, skip(json, 0), '['));
        if (i < json.length() && json.charAt(i) == ']') {
            return elements;
        }
        while (true) {
            int end = valueEnd(json, i);
            elements.add(text(json, i, end));
            i = skip(json, end);
            if (i < json.length() && json.charAt(i) == ',') {
                i = skip(json, i + 1);
                continue;
            }
            expect(json, i, ']');
            return elements;
        }
    }

    /** A member that must be there. */
    static String required(Map<String, String> members, String name) {
        String value = members.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no \"" + name + "\" in " + members.keySet());
        }
        return value;
    }

    private static int skip(String json, int i) {
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int expect(String json, int i, char c) {
        if (i >= json.length() || json.charAt(i) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + i + " in " + abbreviate(json));
        }
        return i + 1;
    }

    /** Where the value starting at {@code i} ends (exclusive). */
    private static int valueEnd(String json, int i) {
        if (i >= json.length()) {
            throw new IllegalArgumentException("value expected at " + i + " in " + abbreviate(json));
        }
        char first = json.charAt(i);
        if (first == '"') {
            return stringEnd(json, i);
        }
        if (first == '{' || first == '[') {
            int depth = 0;
            for (int j = i; j < json.length(); j++) {
                char c = json.charAt(j);
                if (c == '"') {
                    j = stringEnd(json, j) - 1;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0) {
                        return j + 1;
                    }
                }
            }
            throw new IllegalArgumentException("unclosed " + first + " in " + abbreviate(json));
        }
        int j = i;
        while (j < json.length() && ",}] \t\r\n".indexOf(json.charAt(j)) < 0) {
            j++;
        }
        return j;
    }

    private static int stringEnd(String json, int i) {
        for (int j = i + 1; j < json.length(); j++) {
            char c = json.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '"') {
                return j + 1;
            }
        }
        throw new IllegalArgumentException("unclosed string in " + abbreviate(json));
    }

    private static String text(String json, int start, int end) {
        if (json.charAt(start) != '"') {
            return json.substring(start, end);
        }
        StringBuilder out = new StringBuilder(end - start);
        for (int j = start + 1; j < end - 1; j++) {
            char c = json.charAt(j);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = json.charAt(++j);
            switch (escaped) {
                case 'n':
                    out.append('\n');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'u':
                    out.append((char) Integer.parseInt(json.substring(j + 1, j + 5), 16));
                    j += 4;
                    break;
                default:
                    out.append(escaped); // \" \\ \/
            }
        }
        return out.toString();
    }

    /** A JSON string literal for {@code value}. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String abbreviate(String json) {
        return json.length() <= 200 ? json : json.substring(0, 200) + "...";
    }
}
