package dev.quorumbench.client;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The harness's HTTP connection to the nodes (Apache HttpClient 5, pooled keep-alive): every call is bounded by a
 * connect and a response timeout, bodies are read up to a cap, and there are no hidden retries or redirects.
 */
public final class HttpTransport implements Closeable {

    /** Bodies past this size are cut: a hostile target cannot make the harness buffer without bound. */
    static final int MAX_BODY_CHARS = 8 * 1024 * 1024;

    private final CloseableHttpClient client;
    private final RequestConfig defaults;

    public HttpTransport(long connectTimeoutMs, long responseTimeoutMs) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMs))
                        .setSocketTimeout(Timeout.ofMilliseconds(responseTimeoutMs))
                        // A killed node leaves dead pooled connections; re-check idle ones cheaply.
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(200))
                        .build())
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(16)
                .build();
        this.defaults = RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(responseTimeoutMs))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(connectTimeoutMs))
                .setRedirectsEnabled(false)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(defaults)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    public HttpReply postJson(String url, String json) throws IOException {
        HttpPost post = new HttpPost(url);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return execute(post);
    }

    /** Like {@link #postJson(String, String)}, but this request waits for its answer at most {@code responseTimeoutMs}. */
    public HttpReply postJson(String url, String json, long responseTimeoutMs) throws IOException {
        HttpPost post = new HttpPost(url);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        post.setConfig(RequestConfig.copy(defaults)
                .setResponseTimeout(Timeout.ofMilliseconds(Math.max(1, responseTimeoutMs)))
                .build());
        return execute(post);
    }

    public HttpReply get(String url) throws IOException {
        return execute(new HttpGet(url));
    }

    private HttpReply execute(HttpUriRequestBase request) throws IOException {
        return client.execute(request, response -> {
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), MAX_BODY_CHARS);
            return new HttpReply(response.getCode(), body, retryAfterMs(response.getFirstHeader("Retry-After")));
        });
    }

    /** Whether an I/O failure was a timeout rather than a refused or reset connection. */
    public static boolean isTimeout(IOException e) {
        // Read timeouts are SocketTimeoutException; HttpClient reports a connect timeout as its own type.
        return e instanceof SocketTimeoutException || e instanceof ConnectTimeoutException;
    }

    static long retryAfterMs(Header header) {
        if (header == null) {
            return -1;
        }
        try {
            return Math.max(0, Long.parseLong(header.getValue().trim())) * 1000;
        } catch (NumberFormatException e) {
            return -1; // an HTTP-date or garbage: fall back to our own backoff
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
