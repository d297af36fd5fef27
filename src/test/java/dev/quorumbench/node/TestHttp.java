package dev.quorumbench.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorumbench.time.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Test helpers: a JDK HTTP client for talking to nodes, free ports, JSON answers and deadline polling. */
final class TestHttp {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A status and parsed JSON body (null when the body is not JSON). */
    record Answer(int status, JsonNode json, HttpResponse<String> raw) {
    }

    private TestHttp() {
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Answer send(String method, URI uri, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            json = null;
        }
        return new Answer(r.statusCode(), json, r);
    }

    static Answer get(URI base, String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", base.resolve(pathAndQuery), null);
    }

    static Answer post(URI base, String path, String body) throws IOException, InterruptedException {
        return send("POST", base.resolve(path), body);
    }

    static String memoryBody(String namespace, String title) {
        return "{\"namespace\":\"" + namespace + "\",\"title\":\"" + title + "\",\"content\":\"content of " + title
                + "\",\"tags\":[\"t\"],\"metadata\":{\"write_id\":\"" + title + "\"}}";
    }

    /** Every title of a namespace on a node, paging with {@code pageSize}. */
    static List<String> titles(URI base, String namespace, int pageSize) throws IOException, InterruptedException {
        List<String> titles = new ArrayList<>();
        for (int offset = 0; ; offset += pageSize) {
            Answer a = get(base, "/api/v1/memories?namespace=" + namespace + "&limit=" + pageSize + "&offset="
                    + offset);
            if (a.status() != 200) {
                throw new IOException("list answered " + a.status() + ": " + a.raw().body());
            }
            a.json().path("memories").forEach(m -> titles.add(m.path("title").asText()));
            if (a.json().path("count").asInt() < pageSize) {
                return titles;
            }
        }
    }

    /** Polls {@code condition} every 50 ms until it holds or {@code timeoutMs} passes; returns whether it held. */
    static boolean eventually(long timeoutMs, BooleanSupplier condition) {
        return Await.until(condition, timeoutMs, 50);
    }
}
