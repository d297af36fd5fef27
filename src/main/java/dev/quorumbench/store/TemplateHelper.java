package dev.quorumbench.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/** A function a template may apply to a value ({@code ${base64:id}}): the encodings real store APIs ask for. */
enum TemplateHelper {
    /** Standard base64 with padding (etcd's JSON gateway encodes keys and values this way). */
    BASE64,
    /**
     * Percent-encoding for a path segment or a raw query: every byte but letters, digits and {@code -._*} escaped,
     * a space as {@code %20} (a {@code +} would mean a plus sign in a path).
     */
    URL,
    /** JSON string escaping, without the surrounding quotes. */
    JSON,
    /**
     * The end of the key range holding every key that starts with the value: the value's bytes with the last byte
     * incremented, trailing 0xff bytes dropped first (etcd's rule; a value of only 0xff bytes gives one zero byte,
     * etcd's "to the end of the key space"). Meant to be followed by {@code base64}.
     */
    RANGE_END;

    /** The name a template uses, e.g. {@code range_end}. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TemplateHelper byKey(String key) {
        for (TemplateHelper h : values()) {
            if (h.key().equals(key)) {
                return h;
            }
        }
        return null;
    }

    byte[] apply(byte[] in) {
        return switch (this) {
            case BASE64 -> Base64.getEncoder().encode(in);
            // URLEncoder writes a literal '+' as %2B, so every '+' left is a space.
            case URL -> URLEncoder.encode(new String(in, StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                    .replace("+", "%20").getBytes(StandardCharsets.UTF_8);
            case JSON -> jsonEscape(new String(in, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            case RANGE_END -> rangeEnd(in);
        };
    }

    static byte[] rangeEnd(byte[] prefix) {
        int end = prefix.length;
        while (end > 0 && prefix[end - 1] == (byte) 0xff) {
            end--;
        }
        if (end == 0) {
            return new byte[] {0};
        }
        byte[] out = Arrays.copyOf(prefix, end);
        out[end - 1]++;
        return out;
    }

    static String jsonEscape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                default -> c < 0x20 ? String.format("\\u%04x", (int) c) : null;
            };
            if (rep != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (rep != null) {
                    b.append(rep);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
