package dev.quorumbench.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a cycle's namespace back from every node until every acknowledged write is on every node or the
 * deadline passes, and reports the last check and how long convergence took.
 */
public final class ConvergenceWait {

    /** Pause between read-back rounds: short, since most cycles converge within one sync interval. */
    private static final long ROUND_PAUSE_MS = 25;

    private final ReadBack readBack;

    public ConvergenceWait(ReadBack readBack) {
        this.readBack = readBack;
    }

    /** The final check and the ms from the start of the wait to convergence (-1 if it never converged). */
    public record Result(ReadBackCheck check, long convergeMs) {
    }

    public Result await(List<String> nodeUrls, String namespace, Set<String> acked, Set<String> indeterminate,
                        long deadlineMs) {
        long start = System.nanoTime();
        long deadline = start + deadlineMs * 1_000_000L;
        ReadBackCheck check;
        while (true) {
            List<List<String>> listings = new ArrayList<>();
            for (String url : nodeUrls) {
                try {
                    listings.add(readBack.titles(url, namespace));
                } catch (IOException e) {
                    listings.add(null);
                }
            }
            check = ReadBackCheck.of(acked, indeterminate, listings);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000L;
            if (check.converged()) {
                return new Result(check, elapsedMs);
            }
            if (System.nanoTime() + ROUND_PAUSE_MS * 1_000_000L >= deadline) {
                return new Result(check, -1);
            }
            try {
                Thread.sleep(ROUND_PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(check, -1);
            }
        }
    }
}
