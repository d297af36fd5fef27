package dev.quorumbench.fault;

import dev.quorumbench.cluster.NodeAddress;
import dev.quorumbench.host.CommandResult;
import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import java.util.List;
import java.util.Locale;

/**
 * Asks a host to open a TCP connection to a node and reports what happened there: how a partition between hosts
 * proves, from the hosts' own side, that a link is cut (the SYN is never answered) or forwards again.
 */
final class RemoteConnect {

    /** What one attempt did. */
    enum Result {
        /** The connection was accepted: the link forwards. */
        CONNECTED,
        /** No answer within the window: black-holed, as a DROP does. */
        SILENT,
        /** Refused or failed at once: something answered (nothing listens, or a REJECT), so the link is not cut. */
        REFUSED
    }

    private static final int TIMEOUT_EXIT = 124;

    private RemoteConnect() {
    }

    /** Connects from {@code from} to {@code to} with bash's {@code /dev/tcp}, giving up after {@code windowMs}. */
    static Result attempt(Host from, NodeAddress to, long windowMs) throws FaultException {
        String seconds = String.format(Locale.ROOT, "%.3f", windowMs / 1000.0);
        try {
            // --norc: bash run under sshd reads ~/.bashrc even when not interactive, which can outlast the window.
            // Host and port are positional arguments, never spliced into the script.
            CommandResult r = from.run(List.of("timeout", seconds, "bash", "--norc", "-c",
                    "exec 3<>\"/dev/tcp/$1/$2\"", "probe", to.host(), Integer.toString(to.port())), null,
                    windowMs + 5000);
            return r.ok() ? Result.CONNECTED : r.exit() == TIMEOUT_EXIT ? Result.SILENT : Result.REFUSED;
        } catch (HostException e) {
            throw new FaultException("cannot probe " + to.host() + ":" + to.port() + " from " + from.name() + ": "
                    + e.getMessage(), e);
        }
    }
}
