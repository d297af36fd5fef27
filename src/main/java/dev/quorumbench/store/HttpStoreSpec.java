package dev.quorumbench.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The {@code protocol} object of a target profile, exactly as written (bound by Jackson, unknown keys rejected):
 * an HTTP store described by request templates, outcome rules, a paged read-back and a health probe.
 * {@link HttpStore#compile} checks it and turns it into templates; README "Testing your own store" documents
 * every field.
 *
 * @param key       the key a write is stored under, ending in {@code ${id}}; default {@code ${id}}
 * @param write     the request that writes one item
 * @param outcomes  rules mapping an answer to a write to an attempt result, first match wins; default: 2xx
 *                  created, 408/429 busy, 409 conflict, other 4xx rejected, 5xx server_error
 * @param otherwise the result when no rule matches; default {@code garbage}
 * @param list      how to read back what one node holds for a cycle
 * @param health    the health probe; default GET of the profile's {@code health_path} expecting 200, no clock
 * @param clockOffset the request that sets a node's cooperative clock offset ({@code ${offset_ms}}), used only when
 *                  the profile also lists the {@code clock-offset} capability; absent: the store has none
 */
public record HttpStoreSpec(String key, Request write, List<Outcome> outcomes, String otherwise, ListRead list,
                            Health health, Request clockOffset) {

    /**
     * One request template.
     *
     * @param method  GET, POST, PUT, PATCH or DELETE
     * @param path    the path, starting with {@code /}; placeholders are not escaped (use {@code ${url:...}})
     * @param query   query parameters; names literal, values templates, both URL-escaped by the harness
     * @param headers header values are templates, not escaped
     * @param body    a JSON object or array whose string values are templates (JSON-escaped by the harness), or a
     *                string: a raw text template (escape with {@code ${json:...}} yourself); absent: no body
     */
    public record Request(String method, String path, Map<String, String> query, Map<String, String> headers,
                          JsonNode body) {
    }

    /**
     * One outcome rule; every condition given must hold.
     *
     * @param status       statuses that match, each {@code 201} or a class such as {@code 4xx}; absent: any
     * @param pointer      a JSON pointer into the answer's body
     * @param present      with {@code pointer}: the value there is present (not null, not an empty string), or
     *                     absent if false; default true when {@code equals} is not given
     * @param equals       with {@code pointer}: the value's text equals this
     * @param bodyContains the raw body contains this text (error bodies that are not JSON)
     * @param result       created (or ok), quorum_not_met, conflict, rejected, busy, server_error, garbage
     */
    public record Outcome(List<String> status, String pointer, Boolean present, String equals, String bodyContains,
                          String result) {
    }

    /**
     * The read-back of one node.
     *
     * @param request   the request of one page
     * @param items     JSON pointer to the array of items in a page ({@code ""} for a top-level array); a page
     *                  without it is an empty page (stores such as etcd omit empty arrays)
     * @param id        pointer, in an item, to the write's id; or else
     * @param key       pointer, in an item, to the key the write was stored under (the id is what follows the
     *                  cycle's prefix)
     * @param keyBase64 the key (or id) is base64-encoded (etcd)
     * @param paging    how to get the next page
     * @param nodeLocal the read returns what the node itself holds, never forwarded to a leader; false is allowed,
     *                  and then every report says replica convergence was not measured node by node
     */
    public record ListRead(Request request, String items, String id, String key, Boolean keyBase64, Paging paging,
                           Boolean nodeLocal) {
    }

    /**
     * Paging of the read-back.
     *
     * @param style {@code offset} (fills {@code ${offset}} and {@code ${limit}}), {@code after_key} (fills
     *              {@code ${from}}: the prefix, then the last key read plus a zero byte; and {@code ${after}}: the
     *              last key read, empty at first; with an {@code id} pointer the key read is the prefix plus the id),
     *              or {@code none} (one request)
     * @param limit the page size asked, {@code ${limit}}; default 1000
     * @param more  pointer to a boolean saying more pages follow (absent or false: the last page); without it
     *              paging stops at the first empty page
     */
    public record Paging(String style, Integer limit, String more) {
    }

    /**
     * The health probe, a GET.
     *
     * @param path        the path; default the profile's {@code health_path}
     * @param status      the status of a healthy node; default 200
     * @param clock       pointer to the node's wall clock in the answer; absent: the store reports none, and the
     *                    clock fault says it cannot measure the skew
     * @param clockFormat {@code epoch_ms} (a number, default) or {@code rfc3339} (a timestamp string)
     */
    public record Health(String path, Integer status, String clock, String clockFormat) {
    }
}
