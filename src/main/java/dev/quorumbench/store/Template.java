package dev.quorumbench.store;

import dev.quorumbench.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A compiled text template of a declarative protocol (pure): literal text and placeholders
 * {@code ${name}} or {@code ${helper:...:name}} (helpers apply right to left), every one checked when the profile
 * is parsed so a typo stops the run before anything starts.
 */
public final class Template {

    /** How every rendered value is escaped after its helpers: a body given as JSON escapes its string values. */
    enum Escape {
        NONE(null, null),
        /** A body given as JSON: the harness JSON-escapes every value, so {@code ${json:…}} would escape twice. */
        JSON(TemplateHelper.JSON, "every string of a JSON body is JSON-escaped by the harness"),
        /** A query value: the harness URL-escapes it when it builds the query, so {@code ${url:…}} would escape twice. */
        QUERY(TemplateHelper.URL, "every query value is URL-escaped by the harness");

        private final TemplateHelper done;
        private final String why;

        Escape(TemplateHelper done, String why) {
            this.done = done;
            this.why = why;
        }
    }

    private sealed interface Part permits Literal, Slot {
    }

    private record Literal(String text) implements Part {
    }

    private record Slot(String variable, List<TemplateHelper> helpers) implements Part {
    }

    private final List<Part> parts;
    private final Escape escape;

    private Template(List<Part> parts, Escape escape) {
        this.parts = parts;
        this.escape = escape;
    }

    /**
     * Compiles {@code text}; {@code field} names it in errors (e.g. {@code protocol.write.body}), {@code variables}
     * are the names this template may use. A {@code $} not followed by <code>{</code> is literal.
     *
     * @throws InvalidInputException one line naming the field and the bad placeholder
     */
    public static Template compile(String text, Set<String> variables, Escape escape, String field) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        int start;
        while ((start = text.indexOf("${", i)) >= 0) {
            int end = text.indexOf('}', start + 2);
            if (end < 0) {
                throw new InvalidInputException(field + ": unterminated placeholder in \"" + text + "\"");
            }
            if (start > i) {
                parts.add(new Literal(text.substring(i, start)));
            }
            Slot slot = slot(text.substring(start + 2, end), variables, field);
            List<TemplateHelper> helpers = slot.helpers();
            if (escape.done != null && !helpers.isEmpty() && helpers.get(helpers.size() - 1) == escape.done) {
                String inside = text.substring(start + 2, end);
                throw new InvalidInputException(field + ": ${" + inside + "} would be escaped twice: " + escape.why
                        + " (write ${" + inside.substring(inside.indexOf(':') + 1) + "})");
            }
            parts.add(slot);
            i = end + 1;
        }
        if (i < text.length()) {
            parts.add(new Literal(text.substring(i)));
        }
        return new Template(List.copyOf(parts), escape);
    }

    private static Slot slot(String inside, Set<String> variables, String field) {
        String[] names = inside.split(":", -1);
        String variable = names[names.length - 1];
        if (!variables.contains(variable)) {
            throw new InvalidInputException(field + ": unknown placeholder ${" + inside + "} (known here: "
                    + String.join(", ", variables.stream().sorted().toList()) + ")");
        }
        List<TemplateHelper> helpers = new ArrayList<>();
        for (int k = names.length - 2; k >= 0; k--) { // innermost (rightmost) first
            TemplateHelper h = TemplateHelper.byKey(names[k]);
            if (h == null) {
                throw new InvalidInputException(field + ": unknown helper '" + names[k] + "' in ${" + inside
                        + "} (helpers: base64, url, json, range_end)");
            }
            helpers.add(h);
        }
        return new Slot(variable, List.copyOf(helpers));
    }

    /** The variables this template uses. */
    public Set<String> variables() {
        Set<String> out = new LinkedHashSet<>();
        for (Part p : parts) {
            if (p instanceof Slot s) {
                out.add(s.variable());
            }
        }
        return out;
    }

    /** The text with every placeholder replaced from {@code values} (a missing value renders empty). */
    public String render(Function<String, String> values) {
        if (parts.size() == 1 && parts.get(0) instanceof Literal l) {
            return l.text();
        }
        StringBuilder out = new StringBuilder(64);
        for (Part p : parts) {
            if (p instanceof Literal l) {
                out.append(l.text());
            } else {
                Slot s = (Slot) p;
                String v = values.apply(s.variable());
                v = apply(s.helpers(), v == null ? "" : v);
                out.append(escape == Escape.JSON ? TemplateHelper.jsonEscape(v) : v); // QUERY: escaped by the caller
            }
        }
        return out.toString();
    }

    private static String apply(List<TemplateHelper> helpers, String value) {
        if (helpers.isEmpty()) {
            return value;
        }
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        for (TemplateHelper h : helpers) {
            b = h.apply(b);
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
