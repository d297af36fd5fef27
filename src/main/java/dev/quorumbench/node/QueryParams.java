package dev.quorumbench.node;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Parses a URL query string and reads typed, range-checked parameters (bad ones are a 400). */
final class QueryParams {
    private final Map<String, String> values = new HashMap<>();

    QueryParams(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.putIfAbsent(k, v);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw BadRequestException.invalid("query string is not valid URL encoding");
        }
    }

    /** The value, or null when absent or empty. */
    String string(String name) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    boolean has(String name) {
        return string(name) != null;
    }

    /** A non-negative integer parameter, {@code dflt} when absent. */
    long nonNegative(String name, long dflt) {
        String v = string(name);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw BadRequestException.invalid("'" + name + "' must be a non-negative integer, got '" + v + "'");
    }
}
