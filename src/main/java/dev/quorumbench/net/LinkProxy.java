package dev.quorumbench.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy for one directed node-to-node link that can forward, black-hole, or drop a share of responses.
 *
 * <p>Blocking sockets, one thread per direction per connection: the links carry a handful of keep-alive
 * connections, so threads are cheap and holding bytes is just "do not write yet". During a black-hole every
 * pump holds what it has read (and any end-of-stream) until heal, so the peer's kernel buffers fill and the
 * sender stalls without a reset, as it would behind an iptables DROP; on heal the held bytes flow again.
 * The one visible difference from DROP: a new connection is accepted by the kernel (the handshake completes)
 * but is not served until heal.
 */
public final class LinkProxy implements AutoCloseable {

    /** Connections beyond this are closed at once, so a misbehaving sender cannot make threads without bound. */
    static final int MAX_CONNECTIONS = 256;
    private static final int UPSTREAM_CONNECT_TIMEOUT_MS = 2000;
    private static final long STOP_WAIT_MS = 2000;
    /** Longest an answer's tell waits for its request's: a request pump stalled in its write is not waited for. */
    private static final long TELL_ORDER_WAIT_NANOS = 10_000_000L;

    private final String name;
    private final InetSocketAddress upstream;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threadsMade = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytesForwarded = new AtomicLong();
    private final AtomicLong droppedResponses = new AtomicLong();
    private final AtomicLong connectionNumbers = new AtomicLong();
    /** Null almost always: the pumps pay one volatile read per chunk for the hook. */
    private volatile LinkObserver observer;
    private final Object modeLock = new Object();
    private LinkMode mode = LinkMode.FORWARD;
    private double dropShare;
    private Random dropRandom = new Random(0);
    private volatile boolean stopped;

    private LinkProxy(String name, InetSocketAddress upstream, ServerSocket server) {
        this.name = name;
        this.upstream = upstream;
        this.server = server;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "link-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            threadsMade.add(t);
            return t;
        });
    }

    /** Binds a free port on {@code bindAddress} and starts forwarding every accepted connection to {@code upstream}. */
    public static LinkProxy start(String name, InetAddress bindAddress, InetSocketAddress upstream) throws IOException {
        ServerSocket server = new ServerSocket(0, 64, bindAddress);
        LinkProxy proxy = new LinkProxy(name, upstream, server);
        proxy.threads.execute(proxy::acceptLoop);
        return proxy;
    }

    public String name() {
        return name;
    }

    /** The port senders connect to. */
    public int port() {
        return server.getLocalPort();
    }

    public InetSocketAddress upstream() {
        return upstream;
    }

    /** Stops every byte on every connection, both ways, until {@link #heal()}. */
    public void blackhole() {
        setMode(LinkMode.BLACKHOLE, 0, 0);
    }

    /** Delivers requests but swallows roughly {@code share} of responses, chosen by a generator seeded with {@code seed}. */
    public void dropResponses(double share, long seed) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be within 0..1, was " + share);
        }
        setMode(LinkMode.DROP_RESPONSES, share, seed);
    }

    /** Back to plain forwarding; held bytes flow again and the dropped-response count restarts at 0. */
    public void heal() {
        setMode(LinkMode.FORWARD, 0, 0);
        droppedResponses.set(0);
    }

    /**
     * Tells {@code o} of every chunk passed on from now on, in both directions, until {@link #unobserve}; one
     * observer at a time (a second one replaces the first). A chunk written just before this call may still be told;
     * on a connection, an answer is told after the request chunks written before it.
     */
    public void observe(LinkObserver o) {
        synchronized (modeLock) {
            observer = o;
        }
    }

    /** Stops telling {@code o}; does nothing when another observer took its place. */
    public void unobserve(LinkObserver o) {
        synchronized (modeLock) {
            if (observer == o) {
                observer = null;
            }
        }
    }

    public LinkMode mode() {
        synchronized (modeLock) {
            return mode;
        }
    }

    public LinkStatus status() {
        return new LinkStatus(mode(), port(), connections.size(), bytesForwarded.get(), droppedResponses.get());
    }

    /** Closes the listening socket, every connection and every thread; safe to call twice. */
    public void stop() {
        synchronized (modeLock) {
            stopped = true;
            modeLock.notifyAll();
        }
        closeQuietly(server);
        for (Connection c : connections) {
            c.abort();
        }
        threads.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MS);
        try {
            // join our own threads, not just the pool's bookkeeping, so "stopped" means no thread is left
            for (Thread t : threadsMade) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left > 0 && t != Thread.currentThread()) {
                    t.join(left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once {@link #stop()} has run and every proxy thread has ended. */
    public boolean isTerminated() {
        return threads.isTerminated() && threadsMade.stream().noneMatch(Thread::isAlive);
    }

    @Override
    public void close() {
        stop();
    }

    private void setMode(LinkMode newMode, double share, long seed) {
        synchronized (modeLock) {
            mode = newMode;
            dropShare = share;
            dropRandom = new Random(seed);
            modeLock.notifyAll();
        }
    }

    /** Blocks while the link is black-holed; fails once the proxy is stopped. */
    private void awaitPassable() throws IOException {
        synchronized (modeLock) {
            while (mode == LinkMode.BLACKHOLE && !stopped) {
                try {
                    modeLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("link proxy " + name + " interrupted");
                }
            }
            if (stopped) {
                throw new IOException("link proxy " + name + " stopped");
            }
        }
    }

    /** Decides, at the start of a response, whether to swallow it. */
    private boolean dropThisResponse() {
        synchronized (modeLock) {
            return mode == LinkMode.DROP_RESPONSES && dropRandom.nextDouble() < dropShare;
        }
    }

    private void acceptLoop() {
        while (!stopped) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // the server socket was closed by stop()
            }
            if (connections.size() >= MAX_CONNECTIONS || stopped) {
                closeQuietly(client);
                continue;
            }
            Connection c = new Connection(client);
            connections.add(c);
            try {
                threads.execute(c::serve);
            } catch (RuntimeException rejected) {
                c.abort();
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort: the socket may already be gone
        }
    }

    /** One accepted connection and its upstream twin. */
    private final class Connection {
        private final Socket client;
        private final long number = connectionNumbers.incrementAndGet();
        private volatile Socket server;
        /** Set when client bytes were forwarded; the next server bytes start a response. */
        private volatile boolean requestPending;
        /** Once a response is dropped, the rest of this connection's server bytes are swallowed too. */
        private volatile boolean swallowing;
        private final AtomicInteger pumpsDone = new AtomicInteger();
        /** Request chunks written, and how many of them the observer (if any) was told of: keeps tells in order. */
        private final AtomicLong requestChunks = new AtomicLong();
        private volatile long requestChunksTold;

        Connection(Socket client) {
            this.client = client;
        }

        void serve() {
            try {
                awaitPassable(); // accept-but-don't-serve while black-holed
                Socket up = new Socket();
                server = up;
                up.connect(upstream, UPSTREAM_CONNECT_TIMEOUT_MS);
                up.setTcpNoDelay(true);
                client.setTcpNoDelay(true);
                threads.execute(() -> pump(client, up, true));
            } catch (IOException | RuntimeException e) {
                abort();
                return;
            }
            pump(server, client, false);
        }

        private void pump(Socket from, Socket to, boolean request) {
            byte[] buf = new byte[16 * 1024];
            boolean propagateEnd = true;
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                while (true) {
                    int n = in.read(buf);
                    awaitPassable(); // holds bytes and end-of-stream during a black-hole
                    if (n < 0) {
                        break;
                    }
                    if (request) {
                        requestPending = true;
                    } else {
                        if (requestPending) {
                            requestPending = false;
                            if (!swallowing && dropThisResponse()) {
                                swallowing = true;
                                droppedResponses.incrementAndGet();
                            }
                        }
                        if (swallowing) {
                            // the sender must time out, not see the connection end
                            propagateEnd = false;
                            continue;
                        }
                    }
                    bytesForwarded.addAndGet(n); // counted before the write so a reader never sees bytes uncounted
                    long chunk = request ? requestChunks.incrementAndGet() : 0;
                    out.write(buf, 0, n);
                    out.flush();
                    if (request) {
                        LinkObserver o = observer;
                        if (o != null) {
                            tell(o, true, buf, n);
                        }
                        requestChunksTold = chunk;
                    } else if (observer != null) {
                        // An answer is told only after the request it answers was: an observer pairs them.
                        awaitRequestsTold();
                        LinkObserver o = observer;
                        if (o != null) {
                            tell(o, false, buf, n);
                        }
                    }
                }
                if (propagateEnd) {
                    to.shutdownOutput();
                }
                finishOne();
            } catch (IOException | RuntimeException e) {
                abort();
            }
        }

        /**
         * Waits, briefly and bounded, until the request pump has told the observer of every request chunk it wrote:
         * the answer's pump may be scheduled first, and an answer told before its request could not be paired.
         */
        private void awaitRequestsTold() {
            long written = requestChunks.get();
            long deadline = System.nanoTime() + TELL_ORDER_WAIT_NANOS;
            while (requestChunksTold < written && System.nanoTime() - deadline < 0) {
                Thread.yield();
            }
        }

        /** An observer's mistake must never cost the link its connection. */
        private void tell(LinkObserver o, boolean request, byte[] buf, int n) {
            try {
                o.passed(number, request, buf, n, System.nanoTime());
            } catch (RuntimeException ignored) {
                // the observer loses this chunk; the bytes were already passed on
            }
        }

        private void finishOne() {
            if (pumpsDone.incrementAndGet() >= 2) {
                abort();
            }
        }

        void abort() {
            closeQuietly(client);
            closeQuietly(server);
            connections.remove(this);
        }
    }
}
