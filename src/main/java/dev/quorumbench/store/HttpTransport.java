package dev.quorumbench.store;

import java.io.Closeable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.MalformedURLException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.UnsupportedSchemeException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The harness's one HTTP stack (Apache HttpClient 5, pooled keep-alive): every call is bounded by a connect and a
 * response timeout and a hard cancel at the caller's deadline, bodies are read up to a cap, and there are no hidden
 * retries or redirects.
 */
public final class HttpTransport implements Closeable {

    /** Bodies past this size are cut: a hostile target cannot make the harness buffer without bound. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    /** How far past its deadline an exchange may run before it is cut (connect and a last read in flight). */
    static final long HARD_CANCEL_GRACE_MS = 100;

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

    /** Sends {@code request} to the node at {@code baseUrl}, waiting at most {@code responseTimeoutMs} for the answer. */
    public HttpReply send(String baseUrl, StoreRequest request, long responseTimeoutMs) throws IOException {
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), uri(baseUrl + request.path()));
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            http.setHeader(h.getKey(), h.getValue());
        }
        if (request.body() != null) {
            http.setEntity(new StringEntity(request.body(), ContentType.APPLICATION_JSON));
        }
        long boundMs = Math.max(1, responseTimeoutMs);
        http.setConfig(RequestConfig.copy(defaults)
                .setResponseTimeout(Timeout.ofMilliseconds(boundMs))
                .build());
        // The response timeout bounds only the silence between two reads: a body trickled one byte at a time
        // would hold the exchange (and the JMH cycle, which cannot interrupt a blocking read) without bound.
        // The hard cancel closes the connection at the deadline, whatever the server is doing. It is a backstop
        // behind the timeouts, a little later so an answer already arriving at the edge is not thrown away.
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?> hardCancel = DEADLINES.schedule(() -> {
            cancelled.set(true);
            http.cancel();
        }, boundMs + HARD_CANCEL_GRACE_MS, TimeUnit.MILLISECONDS);
        try {
            return execute(http);
        } catch (IOException | RuntimeException e) {
            if (cancelled.get()) {
                throw new SocketTimeoutException("no complete answer within the deadline of " + boundMs
                        + " ms (exchange cancelled " + HARD_CANCEL_GRACE_MS + " ms after it)");
            }
            throw e;
        } finally {
            hardCancel.cancel(false);
        }
    }

    /**
     * One daemon timer for every transport: it only closes connections, so it never blocks. A cancelled backstop
     * leaves the queue at once, so it holds only the exchanges in flight, not every write of the last deadline.
     */
    private static final ScheduledExecutorService DEADLINES = deadlineTimer();

    private static ScheduledExecutorService deadlineTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "http-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** A plain GET of an absolute URL with the default response timeout (tests and diagnostics). */
    public HttpReply get(String url) throws IOException {
        return execute(new HttpUriRequestBase("GET", uri(url)));
    }

    private HttpReply execute(HttpUriRequestBase request) throws IOException {
        return client.execute(request, response -> {
            String body = response.getEntity() == null ? "" : body(response.getEntity());
            return new HttpReply(response.getCode(), body, retryAfterMs(response.getFirstHeader("Retry-After")));
        });
    }

    /**
     * The answer's body as text, at most {@link #MAX_BODY_BYTES} bytes of it, decoded as EntityUtils would (the
     * content type's charset, else its MIME type's default, else UTF-8). Read as bytes into a buffer of the
     * announced length: EntityUtils' Reader allocated an 8 KB decoder buffer per answer, 80 % of what a write
     * allocated.
     */
    static String body(HttpEntity entity) throws IOException {
        Charset charset = charset(entity.getContentType());
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return "";
            }
            long announced = entity.getContentLength();
            byte[] bytes;
            if (announced >= 0 && announced <= MAX_BODY_BYTES) {
                bytes = in.readNBytes((int) announced); // exactly the announced length: one array of that size
            } else {
                ByteArrayOutputStream out = new ByteArrayOutputStream(512);
                byte[] chunk = new byte[1024];
                int n;
                while (out.size() < MAX_BODY_BYTES
                        && (n = in.read(chunk, 0, Math.min(chunk.length, MAX_BODY_BYTES - out.size()))) > 0) {
                    out.write(chunk, 0, n);
                }
                bytes = out.toByteArray();
            }
            return new String(bytes, charset);
        }
    }

    /** The charset of a Content-Type header value (pure); EntityUtils' choice, so answers decode as before. */
    static Charset charset(String contentType) {
        ContentType type = ContentType.parse(contentType);
        if (type == null) {
            return StandardCharsets.UTF_8;
        }
        if (type.getCharset() != null) {
            return type.getCharset();
        }
        ContentType known = ContentType.getByMimeType(type.getMimeType());
        return known != null && known.getCharset() != null ? known.getCharset() : StandardCharsets.UTF_8;
    }

    private static URI uri(String url) throws MalformedURLException {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new MalformedURLException("not a URL: " + url);
        }
    }

    /**
     * What an I/O failure of one request means for the write (pure): nothing sent (the connection was never
     * made), a timeout after sending, or a connection lost after the request may have arrived.
     */
    public static AttemptResult failure(IOException e) {
        // ConnectTimeoutException is a SocketTimeoutException, so the connect-phase types are checked first.
        if (e instanceof ConnectException || e instanceof ConnectTimeoutException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException || e instanceof MalformedURLException || e instanceof ConnectionRequestTimeoutException
                || e instanceof UnsupportedSchemeException) {
            return AttemptResult.NOT_SENT;
        }
        if (e instanceof SocketTimeoutException) {
            return AttemptResult.TIMEOUT;
        }
        return AttemptResult.CONNECTION_LOST;
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
    public void close() {
        client.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
    }
}
