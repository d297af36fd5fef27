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
 */
public record ProcessSpec(List<String> argv, Map<String, String> env, Path log, String banner) {

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
