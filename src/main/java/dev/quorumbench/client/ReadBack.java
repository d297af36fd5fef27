package dev.quorumbench.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists every memory of a namespace on one node, paging with {@code limit}/{@code offset} to the end.
 *
 * <p>The published shell harness read one default page (20 rows on ai-memory) and so saw 100 acknowledged writes as
 * 20. Here a page is requested at {@value #PAGE} rows and paging stops only at an empty page, so a node that caps
 * the page lower than asked is still read completely; {@value #MAX_ROWS} rows bound a hostile node.
 */
public final class ReadBack {

    static final int PAGE = 1000;
    static final int MAX_ROWS = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpTransport http;

    public ReadBack(HttpTransport http) {
        this.http = http;
    }

    /** The titles (write ids) of every memory in {@code namespace} on the node, in the node's order. */
    public List<String> titles(String baseUrl, String namespace) throws IOException {
        String ns = URLEncoder.encode(namespace, StandardCharsets.UTF_8);
        List<String> titles = new ArrayList<>();
        while (titles.size() < MAX_ROWS) {
            HttpReply reply = http.get(baseUrl + "/api/v1/memories?namespace=" + ns + "&limit=" + PAGE
                    + "&offset=" + titles.size());
            if (reply.status() != 200) {
                throw new IOException("list answered HTTP " + reply.status());
            }
            JsonNode memories = parse(reply.body()).path("memories");
            if (!memories.isArray()) {
                throw new IOException("list answer has no 'memories' array");
            }
            if (memories.isEmpty()) {
                return titles;
            }
            for (JsonNode m : memories) {
                titles.add(m.path("title").asText(""));
            }
        }
        throw new IOException("node listed more than " + MAX_ROWS + " rows for one namespace");
    }

    private static JsonNode parse(String body) throws IOException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IOException("list answer is not JSON");
        }
    }
}
