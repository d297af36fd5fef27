package dev.quorumbench.fault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One iptables chain owned by this harness process ({@code QB-<pid>}), jumped to from INPUT and OUTPUT on the
 * loopback interface, that drops the TCP ports it is given in both directions and is flushed to heal.
 *
 * <p>Leftovers are impossible to avoid with SIGKILL, so they are cleaned twice: a shutdown hook removes this
 * process's chain, and {@link #sweepDead()} removes chains whose pid no longer runs before a new chain is made.
 */
final class Iptables {

    static final Path BINARY = Path.of("/usr/sbin/iptables");
    private static final Pattern OWN_CHAIN = Pattern.compile("QB-(\\d+)");
    private static final long TIMEOUT_MS = 5000;
    private static final Set<String> HOOKED = ConcurrentHashMap.newKeySet();

    private final Path binary;
    private final String chain;

    Iptables(Path binary, String chain) {
        if (!OWN_CHAIN.matcher(chain).matches()) {
            throw new IllegalArgumentException("chain must be QB-<pid>, was " + chain);
        }
        this.binary = binary;
        this.chain = chain;
    }

    /** The chain of the current harness process. */
    static Iptables forThisProcess() {
        return new Iptables(BINARY, chainFor(ProcessHandle.current().pid()));
    }

    static String chainFor(long pid) {
        return "QB-" + pid;
    }

    /** The pid a harness chain is named after, or empty for a chain that is not ours. */
    static Optional<Long> pidOfChain(String chain) {
        Matcher m = OWN_CHAIN.matcher(chain);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    String chain() {
        return chain;
    }

    /** Why iptables cannot be used here (not root, no binary, no netfilter), or null when it can. */
    static String problem(boolean root) {
        if (!root) {
            return "needs root (the harness runs as uid " + HostFacts.uid() + ")";
        }
        if (!Files.isExecutable(BINARY)) {
            return BINARY + " is not installed";
        }
        try {
            Exec.Result r = Exec.run(List.of(BINARY.toString(), "-w", "2", "-S", "OUTPUT"), null, TIMEOUT_MS);
            return r.ok() ? null : "iptables -S OUTPUT failed: " + firstLine(r.output());
        } catch (FaultException e) {
            return e.getMessage();
        }
    }

    /** Creates the (empty) chain and its two jumps, once; an empty chain costs nothing per packet worth noticing. */
    void install() throws FaultException {
        if (!ipt("-S", chain).ok()) {
            check(ipt("-N", chain), "create chain " + chain);
        }
        if (!ipt("-C", "INPUT", "-i", "lo", "-j", chain).ok()) {
            check(ipt("-I", "INPUT", "1", "-i", "lo", "-j", chain), "jump INPUT to " + chain);
        }
        if (!ipt("-C", "OUTPUT", "-o", "lo", "-j", chain).ok()) {
            check(ipt("-I", "OUTPUT", "1", "-o", "lo", "-j", chain), "jump OUTPUT to " + chain);
        }
        if (HOOKED.add(chain)) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::removeQuietly, "iptables-cleanup-" + chain));
        }
    }

    /** Drops every TCP packet to or from each port, in one iptables-restore call so the cut is atomic. */
    void drop(List<Integer> ports) throws FaultException {
        String batch = "*filter\n" + String.join("\n", dropRules(chain, ports)) + "\nCOMMIT\n";
        Path restore = binary.resolveSibling("iptables-restore");
        check(Exec.run(List.of(restore.toString(), "-w", "2", "--noflush"), batch, TIMEOUT_MS),
                "add DROP rules to " + chain);
    }

    /** Removes every rule of the chain (the heal); the jumps stay and now lead to an empty chain. */
    void flush() throws FaultException {
        check(ipt("-F", chain), "flush " + chain);
    }

    /** The chain's rules as {@code iptables -S} prints them (without the {@code -N} line); empty if it does not exist. */
    List<String> rules() throws FaultException {
        Exec.Result r = ipt("-S", chain);
        List<String> rules = new ArrayList<>();
        if (r.ok()) {
            r.output().lines().filter(l -> l.startsWith("-A ")).forEach(rules::add);
        }
        return rules;
    }

    /** Whether the chain exists. */
    boolean exists() throws FaultException {
        return ipt("-S", chain).ok();
    }

    /** Deletes the jumps, the rules and the chain; tolerates any of them being gone already. */
    void remove() throws FaultException {
        removeChain(binary, chain);
    }

    private void removeQuietly() {
        try {
            remove();
        } catch (FaultException e) {
            // A shutdown hook has no one to report to; the next harness's sweep removes what is left.
        }
    }

    /** Removes the chains of harness processes that no longer run; returns the chains removed. */
    static List<String> sweepDead() throws FaultException {
        Exec.Result all = Exec.run(List.of(BINARY.toString(), "-w", "2", "-S"), null, TIMEOUT_MS);
        List<String> removed = new ArrayList<>();
        if (!all.ok()) {
            return removed;
        }
        for (String line : all.output().lines().toList()) {
            if (!line.startsWith("-N ")) {
                continue;
            }
            String name = line.substring(3).strip();
            Optional<Long> pid = pidOfChain(name);
            if (pid.isPresent() && ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false) == false) {
                removeChain(BINARY, name);
                removed.add(name);
            }
        }
        return removed;
    }

    /** The DROP rules that cut {@code ports} both ways: to the port and from it (pure). */
    static List<String> dropRules(String chain, List<Integer> ports) {
        List<String> rules = new ArrayList<>();
        for (int port : ports) {
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            rules.add("-A " + chain + " -p tcp --dport " + port + " -j DROP");
            rules.add("-A " + chain + " -p tcp --sport " + port + " -j DROP");
        }
        return rules;
    }

    private static void removeChain(Path binary, String chain) throws FaultException {
        // -D removes one matching jump per call; a crashed run may have left more than one.
        for (int i = 0; i < 8 && run(binary, "-D", "INPUT", "-i", "lo", "-j", chain).ok(); i++) {
            // keep deleting
        }
        for (int i = 0; i < 8 && run(binary, "-D", "OUTPUT", "-o", "lo", "-j", chain).ok(); i++) {
            // keep deleting
        }
        if (run(binary, "-S", chain).ok()) {
            check(run(binary, "-F", chain), "flush " + chain);
            check(run(binary, "-X", chain), "delete chain " + chain);
        }
    }

    private Exec.Result ipt(String... args) throws FaultException {
        return run(binary, args);
    }

    private static Exec.Result run(Path binary, String... args) throws FaultException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-w", "2"));
        cmd.addAll(List.of(args));
        return Exec.run(cmd, null, TIMEOUT_MS);
    }

    private static void check(Exec.Result r, String what) throws FaultException {
        if (!r.ok()) {
            throw new FaultException("iptables could not " + what + ": " + firstLine(r.output()));
        }
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("(no output)");
    }
}
