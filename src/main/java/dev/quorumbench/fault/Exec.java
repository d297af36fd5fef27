package dev.quorumbench.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs one short external command (kill, iptables) with a deadline and returns its exit code and output. */
final class Exec {

    /** Exit code and combined stdout/stderr of a finished command. */
    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    private Exec() {
    }

    /** Runs {@code command}, feeding {@code stdin} (may be null), and kills it if it outlives {@code timeoutMs}. */
    static Result run(List<String> command, String stdin, long timeoutMs) throws FaultException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new FaultException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        // Output is drained on another thread so a chatty command can never fill the pipe and outlive the deadline.
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        try {
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new FaultException(String.join(" ", command) + " did not finish within " + timeoutMs + " ms");
            }
            return new Result(p.exitValue(), out.get(timeoutMs, TimeUnit.MILLISECONDS).strip());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FaultException("interrupted while running " + String.join(" ", command), e);
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new FaultException("running " + String.join(" ", command) + " failed: " + e.getMessage(), e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
