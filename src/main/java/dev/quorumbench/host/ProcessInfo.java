package dev.quorumbench.host;

import java.util.List;

/**
 * One process found on a host.
 *
 * @param pid  its pid on that host
 * @param argv its command line (empty when the host could not read it)
 */
public record ProcessInfo(long pid, List<String> argv) {

    public ProcessInfo {
        argv = List.copyOf(argv);
    }
}
