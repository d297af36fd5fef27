package dev.quorumbench.host;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A process an {@link SshHost} started detached: known by its pid there. It is not the harness's child, so its
 * exit code is unknown; whether it lives is read from {@code /proc} there (a zombie counts as gone).
 */
final class RemoteProcess implements HostProcess {

    private static final long LIST_TIMEOUT_MS = 3000;

    private final SshHost host;
    private final long pid;

    RemoteProcess(SshHost host, long pid) {
        this.host = host;
        this.pid = pid;
    }

    @Override
    public long pid() {
        return pid;
    }

    /** True unless the host says the pid is gone; a host that cannot be asked right now is assumed unchanged. */
    @Override
    public boolean isAlive() {
        try {
            return host.state(pid) != ProcessState.GONE;
        } catch (HostException e) {
            return true;
        }
    }

    /** Always empty: a detached process's exit code is not kept anywhere the harness could read it. */
    @Override
    public OptionalInt exitCode() {
        return OptionalInt.empty();
    }

    @Override
    public boolean awaitExit(long timeoutMs) {
        try {
            return host.awaitState(pid, Set.of(ProcessState.GONE), timeoutMs);
        } catch (HostException e) {
            return false;
        }
    }

    /** Its direct children there ({@code pgrep -P}); empty when it has none or they cannot be listed. */
    @Override
    public List<Long> descendants() {
        List<Long> pids = new ArrayList<>();
        try {
            CommandResult r = host.run(List.of("pgrep", "-P", Long.toString(pid)), null, LIST_TIMEOUT_MS);
            for (String line : r.output().lines().toList()) {
                if (line.strip().matches("\\d+")) {
                    pids.add(Long.parseLong(line.strip()));
                }
            }
        } catch (HostException e) {
            // no children known: the kill of the pid itself still happens
        }
        return pids;
    }
}
