package dev.quorumbench.host;

import java.util.List;

/**
 * A command made ready on its host ahead of time and run only when {@link #fire} says so: whatever the host spends
 * before the command can run (over SSH: the channel, the login shell and its rc files) is paid while the harness
 * waits anyway, so the command runs within one network hop of the decision. Heal uses it to end a fault on time.
 */
public interface ArmedCommand extends AutoCloseable {

    /**
     * Runs the command now and waits for it, bounded by {@code timeoutMs}; a non-zero exit is a result, not an
     * exception. Fires at most once: afterwards the command is spent.
     */
    CommandResult fire(long timeoutMs) throws HostException;

    /** Disarms without running (idempotent); after {@link #fire} it releases nothing more. */
    @Override
    void close();

    /**
     * The form for hosts whose start-up costs nothing worth paying in advance (this machine, test doubles): nothing
     * happens until {@link #fire}, which then runs {@code argv} through {@link Host#run}.
     */
    static ArmedCommand onFire(Host host, List<String> argv) {
        List<String> cmd = List.copyOf(argv);
        return new ArmedCommand() {
            private boolean spent;

            @Override
            public synchronized CommandResult fire(long timeoutMs) throws HostException {
                if (spent) {
                    throw new IllegalStateException("fired twice: " + cmd);
                }
                spent = true;
                return host.run(cmd, null, timeoutMs);
            }

            @Override
            public synchronized void close() {
                spent = true;
            }
        };
    }
}
