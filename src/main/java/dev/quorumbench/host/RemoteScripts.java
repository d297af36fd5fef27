package dev.quorumbench.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The shell command lines {@link SshHost} sends (pure), one per verb, so they can be read and tested without a host.
 * Every argument goes through {@link ShellQuote}; the login shell on the host runs them.
 */
final class RemoteScripts {

    private RemoteScripts() {
    }

    /**
     * Runs {@code argv} under coreutils {@code timeout}, so a command whose channel the harness gave up on does not
     * live on there: the remote bound is one second past the harness's own, so the harness's message wins the race.
     */
    static String bounded(List<String> argv, long timeoutMs) {
        long seconds = Math.max(1, (timeoutMs + 999) / 1000) + 1;
        List<String> cmd = new ArrayList<>(List.of("timeout", "-s", "KILL", Long.toString(seconds)));
        cmd.addAll(argv);
        return ShellQuote.join(cmd);
    }

    /**
     * Holds {@code argv} until a line {@code go} arrives on stdin, then runs it ({@link ArmedCommand}): {@code sh}, not
     * the login shell, waits and runs it, so no rc file stands between the trigger and the command. End of input
     * without {@code go} (the harness closed the channel, or died) runs nothing. The host kills the whole command,
     * fired or not, one second after {@code armedMs}.
     */
    static String armed(List<String> argv, long armedMs) {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "IFS= read -r go && [ \"$go\" = go ] && exec \"$@\"",
                "armed"));
        cmd.addAll(argv);
        return bounded(cmd, armedMs);
    }

    /** What {@link #armed} waits for on stdin. */
    static final String GO = "go\n";

    /**
     * Starts {@code spec} detached and prints its pid: {@code setsid} gives it its own session (so it outlives the
     * channel and the harness's connection), output is appended to the log there, and since neither {@code setsid}
     * (not a group leader in a non-interactive shell) nor {@code env} forks, the printed pid is the program itself.
     * With a {@link NodeGuard}, its watcher starts detached beside the program in the same command.
     */
    static String start(ProcessSpec spec) {
        StringBuilder b = new StringBuilder();
        Path dir = spec.log().toAbsolutePath().getParent();
        if (dir != null) {
            b.append("mkdir -p ").append(ShellQuote.word(dir.toString())).append(" && ");
        }
        String log = ShellQuote.word(spec.log().toString());
        if (!spec.banner().isEmpty()) {
            b.append("printf '%s\\n' ").append(ShellQuote.word(spec.banner())).append(" >> ").append(log).append(" && ");
        }
        List<String> cmd = new ArrayList<>(List.of("setsid"));
        if (!spec.env().isEmpty()) {
            cmd.add("env");
            for (Map.Entry<String, String> e : spec.env().entrySet()) {
                cmd.add(e.getKey() + "=" + e.getValue());
            }
        }
        cmd.addAll(spec.argv());
        b.append("{ ").append(ShellQuote.join(cmd)).append(" >> ").append(log).append(" 2>&1 < /dev/null & ");
        if (spec.guard() == null) {
            b.append("echo $!; }");
        } else {
            // The guard in the same exec (no second round trip per start), detached like the node.
            List<String> guard = new ArrayList<>(List.of("setsid"));
            guard.addAll(spec.guard().command());
            b.append("p=$!; ").append(ShellQuote.join(guard)).append(" \"$p\" > /dev/null 2>&1 < /dev/null & echo $p; }");
        }
        return b.toString();
    }

    /** The pid {@link #start} printed, or empty when the output is not one number. */
    static OptionalLong startedPid(String output) {
        String s = output.strip();
        return s.matches("\\d{1,18}") ? OptionalLong.of(Long.parseLong(s)) : OptionalLong.empty();
    }

    /**
     * Writes stdin to a temporary file beside {@code file} and renames it over {@code file}, so a reader there sees
     * the old content or the new; the temporary file is removed if anything fails.
     */
    static String writeAtomically(Path file) {
        Path abs = file.toAbsolutePath();
        String dir = ShellQuote.word(abs.getParent() == null ? "/" : abs.getParent().toString());
        String tmpl = ShellQuote.word((abs.getParent() == null ? "" : abs.getParent().toString()) + "/."
                + abs.getFileName() + ".qb.XXXXXX");
        return "mkdir -p " + dir + " && t=$(mktemp " + tmpl + ") && { cat > \"$t\" && chmod 644 \"$t\" && mv -f \"$t\" "
                + ShellQuote.word(abs.toString()) + " || { rm -f \"$t\"; exit 1; }; }";
    }

    /** Prints {@code key=value} lines of what the host offers (see {@link #facts(String)}). */
    static String probeFacts() {
        StringBuilder b = new StringBuilder("echo uid=$(id -u); test -r /proc/self/stat && echo procfs=yes; "
                + "command -v kill >/dev/null 2>&1 && echo kill=yes; ");
        for (Path p : HostFacts.FAKETIME_CANDIDATES) {
            String q = ShellQuote.word(p.toString());
            b.append("test -r ").append(q).append(" && echo faketime=").append(q).append("; ");
        }
        b.append("true");
        return b.toString();
    }

    /** The answers of {@link #probeFacts} (pure): a map of the last value of each key. */
    static Map<String, String> facts(String output) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String line : output.lines().toList()) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.putIfAbsent(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return m;
    }

    /** Lists every process as {@code pid stat args}; argv comes back split at spaces (enough to find a flag). */
    static final List<String> PROCESS_TABLE = List.of("ps", "-e", "-o", "pid=,stat=,args=");

    /** The stopped processes of a {@link #PROCESS_TABLE} listing (pure). */
    static List<ProcessInfo> stopped(String listing) {
        List<ProcessInfo> out = new ArrayList<>();
        for (String line : listing.lines().toList()) {
            String[] f = line.strip().split("\\s+", 3);
            if (f.length >= 2 && f[0].matches("\\d+") && !f[1].isEmpty()
                    && ProcessState.ofStatLetter(f[1].charAt(0)) == ProcessState.STOPPED) {
                out.add(new ProcessInfo(Long.parseLong(f[0]), f.length == 3 ? List.of(f[2].split(" ")) : List.of()));
            }
        }
        return out;
    }
}
