package dev.quorumbench.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Continues node processes left stopped (SIGSTOP) by a harness that died mid-pause: a stopped node cannot notice
 * that its parent is gone, so without SIGCONT it would stay forever. Only processes started with
 * {@code --parent-pid P}, where P no longer runs, are touched; once continued they exit on their own.
 */
final class StoppedOrphans {

    private StoppedOrphans() {
    }

    /** Sends SIGCONT to every stopped orphaned node; returns their pids. */
    static List<Long> continueAll() {
        List<Long> continued = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                long pid = Long.parseLong(proc.getFileName().toString());
                if (Signals.state(pid).orElse('?') != 'T') {
                    continue;
                }
                OptionalLong parent = parentPid(cmdline(proc));
                if (parent.isPresent() && ProcessHandle.of(parent.getAsLong()).map(ProcessHandle::isAlive).orElse(false)
                        == false) {
                    try {
                        Signals.cont(pid);
                        continued.add(pid);
                    } catch (FaultException e) {
                        // it exited meanwhile
                    }
                }
            }
        } catch (IOException e) {
            // no /proc: nothing we could have stopped either
        }
        return continued;
    }

    /** The value after {@code --parent-pid} in a NUL-separated command line (pure). */
    static OptionalLong parentPid(List<String> argv) {
        for (int i = 0; i + 1 < argv.size(); i++) {
            if (argv.get(i).equals("--parent-pid") && argv.get(i + 1).matches("\\d{1,18}")) {
                return OptionalLong.of(Long.parseLong(argv.get(i + 1)));
            }
        }
        return OptionalLong.empty();
    }

    private static List<String> cmdline(Path proc) {
        try {
            return List.of(new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
