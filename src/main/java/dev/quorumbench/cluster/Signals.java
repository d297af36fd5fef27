package dev.quorumbench.cluster;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Sends POSIX signals Java has no API for (SIGSTOP, SIGCONT) by running {@code kill -SIG pid}, bounded. */
public final class Signals {

    private static final long WAIT_MS = 3000;

    private Signals() {
    }

    /**
     * Sends {@code signal} (a name such as {@code STOP}, {@code CONT}, {@code KILL}) to {@code pid} and returns
     * once {@code kill} has exited 0; any other result is a {@link ClusterException}.
     */
    public static void send(long pid, String signal) throws ClusterException {
        if (!signal.matches("[A-Z0-9]+")) {
            throw new IllegalArgumentException("signal must be a name like STOP or CONT, was " + signal);
        }
        Process p;
        try {
            p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new ClusterException("cannot run kill -" + signal + " " + pid + ": " + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new ClusterException("kill -" + signal + " " + pid + " did not finish within " + WAIT_MS + " ms");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while sending SIG" + signal + " to " + pid, e);
        }
        if (p.exitValue() != 0) {
            throw new ClusterException("kill -" + signal + " " + pid + " failed (exit " + p.exitValue()
                    + "; no such process?)");
        }
    }
}
