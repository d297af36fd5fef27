package dev.quorumbench.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/** A pooled keep-alive HTTP client to the peers, with every call bounded by one timeout. */
final class PeerClient implements AutoCloseable {
    private final CloseableHttpClient client;

    /**
     * @param timeoutMs connect, response and pool-lease timeout of every call
     * @param maxPerPeer pooled connections per peer
     */
    PeerClient(long timeoutMs, int maxPerPeer) {
        Timeout timeout = Timeout.ofMilliseconds(timeoutMs);
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(maxPerPeer)
                .setMaxConnTotal(maxPerPeer * 8)
                // Peers are plain http. The default TLS strategy would load the JDK trust store at startup, a
                // noticeable cost for a node that is restarted hundreds of times in a campaign.
                .setTlsSocketStrategy((socket, target, port, attachment, context) -> {
                    throw new javax.net.ssl.SSLException("https peers are not supported: " + target);
                })
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout)
                        .setSocketTimeout(timeout)
                        // A peer that was killed and restarted leaves dead sockets in the pool: check idle ones.
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(200))
                        .build())
                .build();
        client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .build())
                // Pushes are idempotent upserts, so one retry on a stale pooled connection is safe.
                .setRetryStrategy(new DefaultHttpRequestRetryStrategy(1, TimeValue.ZERO_MILLISECONDS) {
                    @Override
                    protected boolean handleAsIdempotent(HttpRequest request) {
                        return true;
                    }
                })
                .build();
    }

    /** POSTs {@code json} to {@code url}; never throws. */
    PushOutcome push(URI url, byte[] json) {
        HttpPost post = new HttpPost(url);
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        try {
            int status = client.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            return status / 100 == 2 ? PushOutcome.ACK : PushOutcome.FAILED;
        } catch (IOException e) {
            return classify(e);
        }
    }

    /** GETs {@code url} and parses the JSON answer; a non-200 status is an IOException. */
    JsonNode getJson(URI url) throws IOException {
        return client.execute(new HttpGet(url), response -> {
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
            if (response.getCode() != 200) {
                throw new IOException(url + " answered " + response.getCode());
            }
            return Json.MAPPER.readTree(body);
        });
    }

    static PushOutcome classify(IOException e) {
        if (e instanceof InterruptedIOException) {
            return PushOutcome.TIMEOUT; // connect, response and pool-lease timeouts all land here
        }
        if (e instanceof ConnectException || e instanceof NoHttpResponseException || e instanceof SocketException) {
            return PushOutcome.UNREACHABLE;
        }
        return PushOutcome.FAILED;
    }

    @Override
    public void close() {
        client.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
    }
}
