package dev.quorumbench.host;

/**
 * The harness's own process on the machine it runs on: the owner named in what it leaves on hosts (a firewall
 * chain {@code QB-<pid>}, a node's {@code --parent-pid}), and whether such an owner still runs.
 */
public final class HarnessProcess {

    private HarnessProcess() {
    }

    /** This JVM's pid. */
    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /** Whether a harness with {@code pid} still runs on this machine (a reused pid counts as running). */
    public static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
