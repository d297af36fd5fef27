package dev.quorumbench.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * One persistent SSH session to one host, over Apache MINA SSHD's client: every command is an exec channel on it,
 * so a command costs a channel open (about a millisecond on a LAN), not a TCP handshake and key exchange. The
 * session is opened lazily and again after it drops; a heartbeat notices a lost one within {@link #LOSS_BOUND_MS};
 * the host key must be in the endpoint's known-hosts file.
 */
final class SshSession implements AutoCloseable {

    /**
     * sshd refuses more than {@code MaxSessions} (default 10) open channels on one connection; staying below it
     * makes a burst of commands wait for each other instead of failing.
     */
    static final int MAX_CHANNELS = 8;
    /**
     * A keepalive request (want-reply) goes out every {@code HEARTBEAT}; after {@code HEARTBEAT_MISSES} unanswered
     * ones MINA closes the session, which ends every command waiting on it. TCP alone would notice a host that
     * vanished (half-open connection: no RST, no FIN) only after minutes of retransmissions.
     */
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    static final int HEARTBEAT_MISSES = 3;
    /** How long a lost session can go unnoticed: the heartbeats' bound, plus one interval of slack. */
    static final long LOSS_BOUND_MS = HEARTBEAT.toMillis() * (HEARTBEAT_MISSES + 2);

    private final SshEndpoint endpoint;
    private final long connectTimeoutMs;
    private final SshClient client;
    private final Semaphore channels = new Semaphore(MAX_CHANNELS, true);
    private final AtomicReference<String> keyProblem = new AtomicReference<>();
    private ClientSession session;
    private List<KeyPair> identities;
    private int opened;
    private volatile boolean closed;

    SshSession(SshEndpoint endpoint, long connectTimeoutMs) {
        this.endpoint = endpoint;
        this.connectTimeoutMs = connectTimeoutMs;
        this.client = SshClient.setUpDefaultClient();
        // Only what the endpoint names counts: no ~/.ssh/config, no ~/.ssh/id_* keys, no passwords.
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        KnownHostsServerKeyVerifier verifier = new KnownHostsServerKeyVerifier((s, addr, key) -> {
            keyProblem.set("host key of " + endpoint.host() + ":" + endpoint.port() + " is not in "
                    + endpoint.knownHosts() + " (unknown host; add its key there, e.g. with ssh-keyscan, after checking it)");
            return false;
        }, endpoint.knownHosts());
        verifier.setModifiedServerKeyAcceptor((s, addr, entry, expected, actual) -> {
            keyProblem.set("host key of " + endpoint.host() + ":" + endpoint.port() + " CHANGED: it does not match "
                    + endpoint.knownHosts() + " (a reinstalled host, or someone in between)");
            return false;
        });
        client.setServerKeyVerifier(verifier);
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, HEARTBEAT);
        CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(client, HEARTBEAT);
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, HEARTBEAT_MISSES);
        client.start();
    }

    SshEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Runs {@code command} (a shell command line, as sshd hands it to the login shell) in its own channel, feeds it
     * {@code stdin} then end-of-input, and collects stdout and stderr together. Bounded by {@code timeoutMs}
     * including a reconnect; on timeout the channel is closed and an exception thrown.
     */
    CommandResult exec(String command, String stdin, long timeoutMs) throws HostException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        acquireChannel(timeoutMs);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OutputStream both = new SynchronizedOutput(out);
            try (ChannelExec ch = openChannel(command, both, deadline)) {
                try (OutputStream in = ch.getInvertedIn()) {
                    if (stdin != null) {
                        in.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                }
                Set<ClientChannelEvent> ev = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), leftMs(deadline));
                if (ev.contains(ClientChannelEvent.TIMEOUT)) {
                    throw new HostException(endpoint.host() + ": '" + abbreviate(command) + "' did not finish within "
                            + timeoutMs + " ms");
                }
                Integer exit = ch.getExitStatus();
                String text;
                synchronized (out) {
                    text = out.toString(StandardCharsets.UTF_8);
                }
                // No exit status: the command died of a signal, or the connection dropped mid-command.
                return new CommandResult(exit == null ? -1 : exit, text.strip());
            }
        } catch (HostException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new HostException(endpoint.host() + ": '" + abbreviate(command) + "' failed over SSH: "
                    + oneLine(e), e);
        } finally {
            channels.release();
        }
    }

    /** Takes one of the session's channel slots, waiting at most {@code timeoutMs}. */
    private void acquireChannel(long timeoutMs) throws HostException {
        try {
            if (!channels.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS)) {
                throw new HostException(endpoint + ": no free SSH channel within " + timeoutMs + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException("interrupted while waiting for an SSH channel to " + endpoint, e);
        }
    }

    /**
     * Opens an exec channel for {@code command} now and returns at once; stdin stays open, and
     * {@link ArmedCommand#fire} sends {@code trigger} on it, closes it and waits for the command's end. The channel
     * holds one of the session's channel slots until fired or closed.
     */
    ArmedCommand arm(String command, String trigger, long timeoutMs) throws HostException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        acquireChannel(timeoutMs);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            return new Armed(openChannel(command, new SynchronizedOutput(out), deadline), out, command, trigger);
        } catch (IOException | RuntimeException e) {
            channels.release();
            throw new HostException(endpoint.host() + ": '" + abbreviate(command) + "' failed over SSH: "
                    + oneLine(e), e);
        } catch (HostException e) {
            channels.release();
            throw e;
        }
    }

    /** An exec channel open and waiting for its trigger on stdin. */
    private final class Armed implements ArmedCommand {
        private final ChannelExec ch;
        private final ByteArrayOutputStream out;
        private final String command;
        private final String trigger;
        private boolean spent;
        private boolean released;

        Armed(ChannelExec ch, ByteArrayOutputStream out, String command, String trigger) {
            this.ch = ch;
            this.out = out;
            this.command = command;
            this.trigger = trigger;
        }

        @Override
        public synchronized CommandResult fire(long timeoutMs) throws HostException {
            if (spent) {
                throw new IllegalStateException("fired twice: " + abbreviate(command));
            }
            spent = true;
            try {
                try (OutputStream in = ch.getInvertedIn()) {
                    in.write(trigger.getBytes(StandardCharsets.UTF_8));
                }
                Set<ClientChannelEvent> ev = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeoutMs);
                if (ev.contains(ClientChannelEvent.TIMEOUT)) {
                    throw new HostException(endpoint.host() + ": armed '" + abbreviate(command)
                            + "' did not finish within " + timeoutMs + " ms of its trigger");
                }
                Integer exit = ch.getExitStatus();
                String text;
                synchronized (out) {
                    text = out.toString(StandardCharsets.UTF_8);
                }
                return new CommandResult(exit == null ? -1 : exit, text.strip());
            } catch (IOException | RuntimeException e) {
                throw new HostException(endpoint.host() + ": armed '" + abbreviate(command) + "' failed over SSH: "
                        + oneLine(e), e);
            } finally {
                close();
            }
        }

        @Override
        public synchronized void close() {
            spent = true;
            if (!released) {
                released = true;
                ch.close(true);
                channels.release();
            }
        }
    }

    /**
     * Opens an exec channel for {@code command}. A channel that cannot be opened means the command never ran, so
     * the session is dropped and opened again, once: a session lost while idle (noticed by the heartbeat, or not
     * yet) costs one reconnect, not a failed fault.
     */
    private ChannelExec openChannel(String command, OutputStream both, long deadline) throws IOException, HostException {
        for (int attempt = 0; ; attempt++) {
            ClientSession s = session(deadline);
            ChannelExec ch = null;
            try {
                ch = s.createExecChannel(command);
                ch.setOut(both);
                ch.setErr(both);
                // A half-open session answers nothing: wait at most the heartbeat's bound before reopening.
                ch.open().verify(attempt == 0 ? Math.min(leftMs(deadline), LOSS_BOUND_MS) : leftMs(deadline));
                return ch;
            } catch (IOException | RuntimeException e) {
                if (ch != null) {
                    ch.close(true);
                }
                dropSession(s);
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /** How many sessions were opened so far (one, unless the connection dropped): for tests. */
    synchronized int sessionsOpened() {
        return opened;
    }

    /** Opens the session now if it is not open (bounded by the connect timeout), so an unreachable host shows at once. */
    void connect() throws HostException {
        session(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(connectTimeoutMs));
    }

    private synchronized ClientSession session(long deadline) throws HostException {
        if (session != null && session.isOpen() && session.isAuthenticated()) {
            return session;
        }
        closeSession();
        // Read again on every new session: a cluster made anew (cluster down, up) has new keys at the same paths.
        identities = null;
        long budget = Math.min(connectTimeoutMs, leftMs(deadline));
        keyProblem.set(null);
        ClientSession s = null;
        try {
            s = client.connect(endpoint.user(), endpoint.host(), endpoint.port()).verify(budget).getSession();
            for (KeyPair kp : identities()) {
                s.addPublicKeyIdentity(kp);
            }
            s.auth().verify(Math.max(1, Math.min(connectTimeoutMs, leftMs(deadline))));
            session = s;
            opened++;
            return s;
        } catch (IOException | RuntimeException e) {
            if (s != null) {
                s.close(true);
            }
            String why = keyProblem.get();
            throw new HostUnreachableException("cannot reach " + endpoint + " over SSH: "
                    + (why != null ? why : oneLine(e)), e);
        }
    }

    private List<KeyPair> identities() throws HostUnreachableException {
        if (identities != null) {
            return identities;
        }
        if (!Files.isReadable(endpoint.keyFile())) {
            throw new HostUnreachableException("cannot reach " + endpoint + " over SSH: key file "
                    + endpoint.keyFile() + " is not readable", null);
        }
        List<KeyPair> loaded = new ArrayList<>();
        try {
            for (KeyPair kp : new FileKeyPairProvider(endpoint.keyFile()).loadKeys(null)) {
                loaded.add(kp);
            }
        } catch (RuntimeException e) {
            throw new HostUnreachableException("cannot reach " + endpoint + " over SSH: cannot load key file "
                    + endpoint.keyFile() + " (encrypted keys are not supported): " + oneLine(e), e);
        }
        if (loaded.isEmpty()) {
            throw new HostUnreachableException("cannot reach " + endpoint + " over SSH: no key in "
                    + endpoint.keyFile(), null);
        }
        identities = List.copyOf(loaded);
        return identities;
    }

    /** Closes {@code s} if it is still the current session (another thread may have replaced it already). */
    private synchronized void dropSession(ClientSession s) {
        if (session == s) {
            closeSession();
        }
    }

    private synchronized void closeSession() {
        if (session != null) {
            session.close(true);
            session = null;
        }
    }

    /** Whether {@link #close} stopped the client (no session can be opened again). */
    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        closeSession();
        try {
            client.stop();
        } catch (RuntimeException ignored) {
            // stopping a client whose threads are already gone (JVM shutdown) has nothing left to release
        }
    }

    private static long leftMs(long deadlineNanos) throws HostException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (left <= 0) {
            throw new HostException("SSH deadline passed");
        }
        return left;
    }

    private static String abbreviate(String command) {
        return command.length() <= 80 ? command : command.substring(0, 77) + "...";
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).replace('\n', ' ');
    }

    /** Lets stdout and stderr, written by different MINA threads, share one buffer. */
    private static final class SynchronizedOutput extends OutputStream {
        private final ByteArrayOutputStream out;

        SynchronizedOutput(ByteArrayOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            synchronized (out) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (out) {
                out.write(b, off, len);
            }
        }
    }
}
