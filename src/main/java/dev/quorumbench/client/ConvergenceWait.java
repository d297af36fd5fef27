package dev.quorumbench.client;

import dev.quorumbench.time.Await;
import dev.quorumbench.time.Deadline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a cycle's namespace back from every node until every acknowledged write is on every node or the
 * deadline passes, and reports the last check and how long convergence took. It ends by the deadline plus one
 * listing budget, whatever the nodes answer.
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
        return await(nodeUrls, namespace, acked, indeterminate, Set.of(), deadlineMs);
    }

    /** As above, also saying where the {@code inFlight} writes ended (they do not change when it converged). */
    public Result await(List<String> nodeUrls, String namespace, Set<String> acked, Set<String> indeterminate,
                        Set<String> inFlight, long deadlineMs) {
        long start = System.nanoTime();
        // The last round starts at the deadline (so a write that arrived just in time is seen) and may take one
        // listing budget, shared by all nodes: the read-back ends by deadline + budget whatever the nodes serve.
        Deadline hardStop = Deadline.in(deadlineMs + readBack.listBudgetMs());
        ReadBackCheck[] last = new ReadBackCheck[1];
        boolean converged = Await.until(() -> {
            last[0] = check(nodeUrls, namespace, acked, indeterminate, inFlight, hardStop);
            return last[0].converged();
        }, deadlineMs, ROUND_PAUSE_MS);
        return new Result(last[0], converged ? (System.nanoTime() - start) / 1_000_000L : -1);
    }

    private ReadBackCheck check(List<String> nodeUrls, String namespace, Set<String> acked, Set<String> indeterminate,
                                Set<String> inFlight, Deadline hardStop) {
        List<List<String>> listings = new ArrayList<>();
        for (String url : nodeUrls) {
            try {
                listings.add(readBack.ids(url, namespace, hardStop));
            } catch (IOException e) {
                listings.add(null); // unreadable this round: ReadBackCheck counts it, never as converged
            }
        }
        return ReadBackCheck.of(acked, indeterminate, inFlight, listings);
    }
}
