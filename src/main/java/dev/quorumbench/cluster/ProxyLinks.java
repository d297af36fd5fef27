package dev.quorumbench.cluster;

import dev.quorumbench.net.LinkObserver;
import dev.quorumbench.net.LinkProxy;
import dev.quorumbench.net.LinkStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** The N×(N−1) link proxies of a cluster, one per directed node-to-node link, as a {@link LinkControl}. */
public final class ProxyLinks implements LinkControl, AutoCloseable {

    private final LinkProxy[][] proxies;

    private ProxyLinks(LinkProxy[][] proxies) {
        this.proxies = proxies;
    }

    /**
     * Starts one proxy per directed link i→j (i ≠ j) on {@code host}, forwarding to {@code host:nodePorts[j]};
     * on failure every proxy already started is stopped.
     */
    public static ProxyLinks start(String host, int[] nodePorts) throws IOException {
        int n = nodePorts.length;
        LinkProxy[][] p = new LinkProxy[n][n];
        ProxyLinks links = new ProxyLinks(p);
        try {
            InetAddress bind = InetAddress.getByName(host);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j) {
                        p[i][j] = LinkProxy.start("node" + i + "-to-node" + j, bind,
                                new InetSocketAddress(bind, nodePorts[j]));
                    }
                }
            }
            return links;
        } catch (IOException | RuntimeException e) {
            links.close();
            throw e;
        }
    }

    public int size() {
        return proxies.length;
    }

    /** The proxy carrying node {@code from}'s traffic to node {@code to}. */
    public LinkProxy proxy(int from, int to) {
        if (from < 0 || to < 0 || from >= proxies.length || to >= proxies.length || from == to) {
            throw new IllegalArgumentException("no link " + from + "→" + to + " among " + proxies.length + " nodes");
        }
        return proxies[from][to];
    }

    @Override
    public void blackhole(int from, int to) {
        proxy(from, to).blackhole();
    }

    @Override
    public void dropResponses(int from, int to, double share, long seed) {
        proxy(from, to).dropResponses(share, seed);
    }

    @Override
    public void heal(int from, int to) {
        proxy(from, to).heal();
    }

    @Override
    public void healAll() {
        for (LinkProxy[] row : proxies) {
            for (LinkProxy p : row) {
                if (p != null) {
                    p.heal();
                }
            }
        }
    }

    @Override
    public long droppedResponses() {
        long sum = 0;
        for (LinkProxy[] row : proxies) {
            for (LinkProxy p : row) {
                if (p != null) {
                    sum += p.status().droppedResponses();
                }
            }
        }
        return sum;
    }

    @Override
    public void observe(int from, int to, LinkObserver observer) {
        proxy(from, to).observe(observer);
    }

    @Override
    public void unobserve(int from, int to, LinkObserver observer) {
        proxy(from, to).unobserve(observer);
    }

    @Override
    public int port(int from, int to) {
        return proxy(from, to).port();
    }

    @Override
    public LinkStatus status(int from, int to) {
        return proxy(from, to).status();
    }

    /** Stops every proxy and its threads; safe to call twice. */
    @Override
    public void close() {
        for (LinkProxy[] row : proxies) {
            for (LinkProxy p : row) {
                if (p != null) {
                    p.stop();
                }
            }
        }
    }
}
