package dev.quorumbench.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * A {@link Firewall} made of iptables commands run through any {@link Host}'s runner: here by {@link LocalHost},
 * over SSH by a remote host. Every call waits for the xtables lock ({@code -w}) rather than failing on it; a
 * batch of rules goes in through one {@code iptables-restore --noflush}, so it takes effect all at once.
 *
 * <p>Leftovers are impossible to avoid with SIGKILL, so they are cleaned twice: a shutdown hook removes each
 * chain this JVM ensured, and {@link #sweep} removes the chains of owners that are gone.
 */
final class Iptables implements Firewall {

    static final Path BINARY = Path.of("/usr/sbin/iptables");
    private static final long TIMEOUT_MS = 5000;
    private static final String LOCK_WAIT_S = "2";
    private static final Set<String> HOOKED = ConcurrentHashMap.newKeySet();

    private final Host host;
    private final Path binary;

    Iptables(Host host, Path binary) {
        this.host = host;
        this.binary = binary;
    }

    /** The firewall of {@code host} if iptables works there, else why not (not root, not installed, no netfilter). */
    static Capability<Firewall> probe(Host host, boolean root, String uid) {
        if (!root) {
            return Capability.unavailable("needs root (the harness runs as uid " + uid + ")");
        }
        if (!host.readable(BINARY)) {
            return Capability.unavailable(BINARY + " is not installed");
        }
        Iptables ipt = new Iptables(host, BINARY);
        try {
            CommandResult r = ipt.ipt("-S", "OUTPUT");
            return r.ok() ? Capability.available(ipt)
                    : Capability.unavailable("iptables -S OUTPUT failed: " + r.firstLine());
        } catch (HostException e) {
            return Capability.unavailable(e.getMessage());
        }
    }

    @Override
    public void ensureChain(String chain, String device) throws HostException {
        if (!ipt("-S", chain).ok()) {
            check(ipt("-N", chain), "create chain " + chain);
        }
        // An empty chain costs nothing per packet worth noticing, so it stays installed between faults.
        if (!ipt("-C", "INPUT", "-i", device, "-j", chain).ok()) {
            check(ipt("-I", "INPUT", "1", "-i", device, "-j", chain), "jump INPUT to " + chain);
        }
        if (!ipt("-C", "OUTPUT", "-o", device, "-j", chain).ok()) {
            check(ipt("-I", "OUTPUT", "1", "-o", device, "-j", chain), "jump OUTPUT to " + chain);
        }
        if (HOOKED.add(host.name() + "/" + chain)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> removeQuietly(chain), "iptables-cleanup-" + chain));
        }
    }

    /** One {@code iptables-restore}, then the host's clock read by {@code date} in the same command. */
    @Override
    public OptionalLong apply(List<String> rules) throws HostException {
        String batch = "*filter\n" + String.join("\n", rules) + "\nCOMMIT\n";
        Path restore = binary.resolveSibling("iptables-restore");
        CommandResult r = host.run(List.of("sh", "-c", APPLY, restore.toString()), batch, TIMEOUT_MS);
        check(r, "add " + rules.size() + " rules");
        return hostStamp(r.output());
    }

    /**
     * The flush as an {@link ArmedCommand} of the host, followed by its clock in the same command: over SSH the channel
     * and login shell are ready before heal decides, so the chain empties one hop after the decision. A fire that
     * fails (no answer within its timeout, a dropped channel) leaves the armed command's fate on the host unknown: it
     * may still flush late, up to the armed time, into whatever the chain holds then (the next cycle's rules). So it
     * is killed on the spot ({@link #DISARM}) before the failure is reported, and the caller's direct flush is the
     * only one left.
     */
    @Override
    public ArmedFlush armFlush(String chain, long armedMs) throws HostException {
        String id = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE));
        ArmedCommand armed = host.arm(List.of("sh", "-c", FLUSH, binary.toString(), chain, ARMED_TAG + id), armedMs);
        return new ArmedFlush() {
            @Override
            public OptionalLong fire() throws HostException {
                CommandResult r;
                try {
                    r = armed.fire(TIMEOUT_MS);
                } catch (HostException e) {
                    disarm(id);
                    throw e;
                }
                check(r, "flush " + chain);
                return hostStamp(r.output());
            }

            @Override
            public void close() {
                armed.close();
            }
        };
    }

    /** Names an armed flush's processes on the host (the last argument of its {@code sh}), so {@link #DISARM} finds them. */
    static final String ARMED_TAG = "qb-armed-";

    /**
     * Kills every process group, and every process, whose command line matches the pattern in {@code $0}: the armed
     * command's {@code timeout} leads a group of its own holding the waiting {@code sh} and any iptables it started.
     * Without {@code pgrep} it finds nothing, and the armed command's own bound ({@code timeout} at the armed time) is
     * what remains.
     */
    static final String DISARM = "for p in $(pgrep -f \"$0\"); do kill -KILL \"-$p\" 2>/dev/null; "
            + "kill -KILL \"$p\" 2>/dev/null; done; exit 0";

    /**
     * The pattern {@link #DISARM} is given for the armed flush {@code id} (pure): it matches {@link #ARMED_TAG}{@code id}
     * at the end of a command line (the tag is the last argument; another flush's longer id must not match) but not
     * its own text (the first digit in brackets), so the disarming command never kills itself or its shell.
     */
    static String disarmPattern(String id) {
        return ARMED_TAG + "[" + id.charAt(0) + "]" + id.substring(1) + "$";
    }

    /** Best effort: a host that does not answer now keeps the armed command until its own bound ends it. */
    private void disarm(String id) {
        try {
            host.run(List.of("sh", "-c", DISARM, disarmPattern(id)), null, TIMEOUT_MS);
        } catch (HostException e) {
            // the fire's own failure is what the caller hears about; its direct flush follows
        }
    }

    /**
     * After a command that succeeded, prints the host's clock, epoch nanoseconds (GNU date), if it can: the command's
     * exit is the script's, so a host without {@code date} (or whose date fails) applies and flushes as well as any,
     * and only the stamp is missing ({@link #hostStamp} empty: how long the rules were held is then unknown).
     */
    private static final String THEN_STAMP = " || exit; date +%s%N 2>/dev/null; exit 0";
    /** {@code iptables-restore} ({@code $0}) of the batch on stdin, then the stamp. */
    static final String APPLY = "\"$0\" -w " + LOCK_WAIT_S + " --noflush" + THEN_STAMP;
    /** The flush by {@code iptables} ({@code $0}) of chain {@code $1}, then the stamp. */
    static final String FLUSH = "\"$0\" -w " + LOCK_WAIT_S + " -F \"$1\"" + THEN_STAMP;

    /** The clock {@link #THEN_STAMP} printed as the last line of {@code output} (pure), or empty when there is none. */
    static OptionalLong hostStamp(String output) {
        List<String> lines = output.strip().lines().toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
        // %N is printed literally by a date without nanoseconds: then there is no stamp worth reporting.
        return last.matches("\\d{10,19}") ? OptionalLong.of(Long.parseLong(last)) : OptionalLong.empty();
    }

    @Override
    public void flush(String chain) throws HostException {
        check(ipt("-F", chain), "flush " + chain);
    }

    @Override
    public List<String> rules(String chain) throws HostException {
        CommandResult r = ipt("-S", chain);
        return r.ok() ? r.output().lines().filter(l -> l.startsWith("-A ")).toList() : List.of();
    }

    @Override
    public boolean exists(String chain) throws HostException {
        return ipt("-S", chain).ok();
    }

    @Override
    public void removeChain(String chain) throws HostException {
        // Every jump is deleted by its own spec, so a crashed run's duplicates and any device go too.
        for (String builtin : List.of("INPUT", "OUTPUT")) {
            CommandResult listed = ipt("-S", builtin);
            if (!listed.ok()) {
                continue;
            }
            for (String rule : listed.output().lines().filter(l -> l.endsWith(" -j " + chain)).toList()) {
                List<String> args = new ArrayList<>(Arrays.asList(rule.trim().split("\\s+")));
                args.set(0, "-D");
                ipt(args.toArray(String[]::new));
            }
        }
        if (ipt("-S", chain).ok()) {
            check(ipt("-F", chain), "flush " + chain);
            check(ipt("-X", chain), "delete chain " + chain);
        }
    }

    @Override
    public List<String> sweep(Predicate<String> abandoned) throws HostException {
        CommandResult all = ipt("-S");
        List<String> removed = new ArrayList<>();
        if (!all.ok()) {
            return removed;
        }
        for (String line : all.output().lines().toList()) {
            if (line.startsWith("-N ")) {
                String chain = line.substring(3).strip();
                if (abandoned.test(chain)) {
                    removeChain(chain);
                    removed.add(chain);
                }
            }
        }
        return removed;
    }

    private void removeQuietly(String chain) {
        try {
            removeChain(chain);
        } catch (HostException e) {
            // A shutdown hook has no one to report to; the next harness's sweep removes what is left.
        }
    }

    private CommandResult ipt(String... args) throws HostException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-w", LOCK_WAIT_S));
        cmd.addAll(List.of(args));
        return host.run(cmd, null, TIMEOUT_MS);
    }

    private static void check(CommandResult r, String what) throws HostException {
        if (!r.ok()) {
            throw new HostException("iptables could not " + what + ": " + r.firstLine());
        }
    }
}
