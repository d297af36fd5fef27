package dev.quorumbench.fault;

import dev.quorumbench.host.CommandResult;
import dev.quorumbench.host.HarnessProcess;
import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import dev.quorumbench.host.ProcessSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A detached timer on a host that reverts one fault instance at window + grace unless the harness healed it first,
 * so a harness that crashes or loses its network leaves no partition, frozen node or skewed clock behind.
 *
 * <p>The lease and the heal claim the revert by unlinking the instance's token file on the host: whoever removes it
 * first owns the revert. So a lease whose harness moved on without killing it (a lost kill) finds its token gone
 * and never reverts a later cycle's fault, and {@link #end} knows whether the lease fired before the heal.
 */
final class HostLease {

    /** How long past its window a fault may last before its lease reverts it without the harness. */
    static final long DEFAULT_GRACE_MS = 15_000;
    private static final long END_TIMEOUT_MS = 5000;
    private static final AtomicLong SEQ = new AtomicLong();

    private final Host host;
    private final Path token;
    private final long pid;

    private HostLease(Host host, Path token, long pid) {
        this.host = host;
        this.token = token;
        this.pid = pid;
    }

    /**
     * Writes the token, then starts the timer on {@code host}: after {@code afterMs} it claims the token and runs
     * {@code revert} (an argv, never spliced into a script). Returns once both are on the host.
     */
    static HostLease start(Host host, String fault, List<String> revert, long afterMs) throws HostException {
        Path token = token(HarnessProcess.machine(), HarnessProcess.pid(), fault, SEQ.incrementAndGet());
        host.writeFile(token, fault + " lease of harness " + HarnessProcess.machine() + "/" + HarnessProcess.pid()
                + ": reverts with " + String.join(" ", revert) + "\n");
        long pid = host.start(new ProcessSpec(timer(token, afterMs, revert), Map.of(), Path.of("/dev/null"), "")).pid();
        return new HostLease(host, token, pid);
    }

    /** The timer's pid on its host. */
    long pid() {
        return pid;
    }

    /** The token file on the host; gone once the lease or the heal claimed the revert. */
    Path token() {
        return token;
    }

    /**
     * Ends the lease: claims its token (from then on it can never revert) and kills its timer. Returns true when
     * the lease was still armed, false when it had fired already (the heal came after window + grace).
     *
     * @throws HostException when the host cannot be asked: the lease stays armed and fires at its time
     */
    boolean end() throws HostException {
        CommandResult r = host.run(end(token, pid), null, END_TIMEOUT_MS);
        if (!r.ok()) {
            throw new HostException("cannot end the lease " + token + " on " + host.name() + ": " + r.firstLine());
        }
        return r.output().contains(ARMED);
    }

    static final String ARMED = "armed";
    /** Measurement key (value 1) when a lease had reverted the fault before the harness healed it. */
    static final String FIRED = "lease_fired";

    /** The token of one fault instance of one harness (pure): {@code /tmp/qb-lease-<machine>-<pid>-<fault>-<n>}. */
    static Path token(String machine, long harnessPid, String fault, long seq) {
        if (!fault.matches("[a-z_]{1,40}")) {
            throw new IllegalArgumentException("fault must be a class key, was " + fault);
        }
        return Path.of("/tmp", "qb-lease-" + machine + "-" + harnessPid + "-" + fault + "-" + seq);
    }

    /**
     * The timer's argv (pure): {@code sh -c} sleeps, claims the token by removing it, and only then execs the
     * revert; every value is a positional argument.
     */
    static List<String> timer(Path token, long afterMs, List<String> revert) {
        if (afterMs < 0 || revert.isEmpty()) {
            throw new IllegalArgumentException("a lease needs a time >= 0 and a revert command");
        }
        List<String> argv = new ArrayList<>(List.of("sh", "-c",
                "sleep \"$1\" && rm \"$2\" 2>/dev/null && shift 2 && exec \"$@\"", "qb-lease",
                String.format(Locale.ROOT, "%d.%03d", afterMs / 1000, afterMs % 1000), token.toString()));
        argv.addAll(revert);
        return argv;
    }

    /**
     * The argv that ends a lease (pure): if removing the token succeeds the lease was armed — its sleep and shell
     * are killed and {@value #ARMED} printed; if the token is gone the lease has fired and is left to finish.
     */
    static List<String> end(Path token, long timerPid) {
        return List.of("sh", "-c", "if rm \"$1\" 2>/dev/null; then pkill -KILL -P \"$2\"; kill -KILL \"$2\" 2>/dev/null; "
                + "echo " + ARMED + "; fi; true", "qb-lease-end", token.toString(), Long.toString(timerPid));
    }
}
