package dev.quorumbench.store;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The outcome rules of a declarative protocol (pure): the first rule whose status, body pointer and body text
 * conditions all hold names the attempt's result; no match gives the {@code otherwise} result.
 */
public final class OutcomeRules {

    /** The results a store's answer can map to; timeouts and resets are the transport's to classify, never a rule's. */
    static final Map<String, AttemptResult> RESULTS = Map.of(
            "created", AttemptResult.CREATED, "ok", AttemptResult.CREATED,
            "quorum_not_met", AttemptResult.QUORUM_NOT_MET, "conflict", AttemptResult.CONFLICT,
            "rejected", AttemptResult.REJECTED, "busy", AttemptResult.BUSY,
            "server_error", AttemptResult.SERVER_ERROR, "garbage", AttemptResult.GARBAGE);

    /**
     * Used when a profile gives no rules: what HTTP itself says, nothing store-specific. 202 Accepted is left out
     * of "created": the store queued the write and may still fail it, so it falls to the otherwise result.
     */
    static final List<HttpStoreSpec.Outcome> DEFAULT = List.of(
            new HttpStoreSpec.Outcome(List.of("200", "201", "204"), null, null, null, null, "created"),
            new HttpStoreSpec.Outcome(List.of("408", "429"), null, null, null, null, "busy"),
            new HttpStoreSpec.Outcome(List.of("409"), null, null, null, null, "conflict"),
            new HttpStoreSpec.Outcome(List.of("4xx"), null, null, null, null, "rejected"),
            new HttpStoreSpec.Outcome(List.of("5xx"), null, null, null, null, "server_error"));

    private static final Pattern STATUS = Pattern.compile("[1-5](\\d\\d|xx)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One compiled rule; statuses are exact codes or classes (100 = 1xx … 500 = 5xx, stored as a negative class). */
    private record Rule(int[] statuses, JsonPointer pointer, boolean present, String equals, String bodyContains,
                        AttemptResult result) {

        boolean statusMatches(int status) {
            if (statuses == null) {
                return true;
            }
            for (int s : statuses) {
                if (s == status || (s < 0 && -s == status / 100)) {
                    return true;
                }
            }
            return false;
        }

        boolean needsJson() {
            return pointer != null;
        }
    }

    private final List<Rule> rules;
    private final AttemptResult otherwise;

    private OutcomeRules(List<Rule> rules, AttemptResult otherwise) {
        this.rules = rules;
        this.otherwise = otherwise;
    }

    /**
     * Compiles {@code specs} (null: {@link #DEFAULT}); {@code field} prefixes errors, e.g. {@code protocol.outcomes}.
     *
     * @throws InvalidInputException one line naming the rule's field
     */
    public static OutcomeRules compile(List<HttpStoreSpec.Outcome> specs, String otherwise, String field) {
        List<Rule> rules = new ArrayList<>();
        List<HttpStoreSpec.Outcome> given = specs == null ? DEFAULT : specs;
        for (int i = 0; i < given.size(); i++) {
            rules.add(rule(given.get(i), field + "[" + i + "]"));
        }
        AttemptResult fallback = otherwise == null ? AttemptResult.GARBAGE
                : result(otherwise, field.replaceFirst("outcomes$", "otherwise"));
        return new OutcomeRules(List.copyOf(rules), fallback);
    }

    private static Rule rule(HttpStoreSpec.Outcome o, String field) {
        if (o == null) {
            throw new InvalidInputException(field + ": must be an object");
        }
        if (o.result() == null) {
            throw new InvalidInputException(field + ".result: missing (one of " + resultNames() + ")");
        }
        AttemptResult result = result(o.result(), field + ".result");
        int[] statuses = null;
        if (o.status() != null) {
            if (o.status().isEmpty()) {
                throw new InvalidInputException(field + ".status: empty (leave it out to match any status)");
            }
            statuses = new int[o.status().size()];
            for (int k = 0; k < statuses.length; k++) {
                String s = o.status().get(k) == null ? "" : o.status().get(k).toLowerCase(Locale.ROOT);
                if (!STATUS.matcher(s).matches()) {
                    throw new InvalidInputException(field + ".status: '" + o.status().get(k)
                            + "' is not a status code (e.g. 201) or class (e.g. 4xx)");
                }
                statuses[k] = s.endsWith("xx") ? -(s.charAt(0) - '0') : Integer.parseInt(s);
            }
        }
        JsonPointer pointer = null;
        if (o.pointer() != null) {
            pointer = pointer(o.pointer(), field + ".pointer");
        } else if (o.present() != null || o.equals() != null) {
            throw new InvalidInputException(field + ": \"present\" and \"equals\" need a \"pointer\"");
        }
        if (o.present() != null && o.equals() != null) {
            throw new InvalidInputException(field + ": give \"present\" or \"equals\", not both");
        }
        boolean present = o.present() == null || o.present();
        return new Rule(statuses, pointer, present, o.equals(), o.bodyContains(), result);
    }

    /** A JSON pointer, or one line naming {@code field}. */
    static JsonPointer pointer(String text, String field) {
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + ": invalid JSON pointer '" + text
                    + "' (it must be empty or start with /)");
        }
    }

    private static AttemptResult result(String name, String field) {
        AttemptResult r = RESULTS.get(name.toLowerCase(Locale.ROOT));
        if (r == null) {
            throw new InvalidInputException(field + ": unknown result '" + name + "' (one of " + resultNames() + ")");
        }
        return r;
    }

    private static String resultNames() {
        return "created, ok, quorum_not_met, conflict, rejected, busy, server_error, garbage";
    }

    /** The result of an answer with {@code status} and {@code body} (pure; the body is parsed at most once). */
    public AttemptResult classify(int status, String body) {
        JsonNode json = null;
        boolean parsed = false;
        for (Rule r : rules) {
            if (!r.statusMatches(status)) {
                continue;
            }
            if (r.bodyContains() != null && (body == null || !body.contains(r.bodyContains()))) {
                continue;
            }
            if (r.needsJson()) {
                if (!parsed) {
                    json = parse(body);
                    parsed = true;
                }
                if (!pointerHolds(r, json)) {
                    continue;
                }
            }
            return r.result();
        }
        return otherwise;
    }

    private static boolean pointerHolds(Rule r, JsonNode json) {
        // A body that is not JSON (a proxy's HTML page, a cut-off body) matches no rule that reads the body, not even
        // "present: false": such an answer falls through to the otherwise result, never to a created write.
        if (json == null) {
            return false;
        }
        JsonNode at = json.at(r.pointer());
        boolean present = at != null && !at.isMissingNode() && !at.isNull()
                && !(at.isTextual() && at.asText().isEmpty());
        if (r.equals() != null) {
            return present && !at.isContainerNode() && r.equals().equals(at.asText());
        }
        return present == r.present();
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isEmpty() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
