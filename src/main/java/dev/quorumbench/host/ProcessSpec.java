package dev.quorumbench.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a long-lived process on a host.
 *
 * @param argv   the program and its arguments, run without a shell so the pid is the program itself
 * @param env    entries added to the host's default environment
 * @param log    the file (on the host) stdout and stderr are appended to
 * @param banner a line written to the log before the process starts (tells starts apart), or empty for none
 * @param guard  the owner whose death kills the process (a {@link NodeGuard} started beside it), or null for none
 */
public record ProcessSpec(List<String> argv, Map<String, String> env, Path log, String banner, NodeGuard guard) {

    /** A process with no guard: it lives until it ends or is signalled (a lease's timer, a test's helper). */
    public ProcessSpec(List<String> argv, Map<String, String> env, Path log, String banner) {
        this(argv, env, log, banner, null);
    }

    public ProcessSpec {
        if (argv == null || argv.isEmpty()) {
            throw new IllegalArgumentException("argv must name a program");
        }
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        Objects.requireNonNull(log, "log");
        banner = banner == null ? "" : banner;
    }
}
