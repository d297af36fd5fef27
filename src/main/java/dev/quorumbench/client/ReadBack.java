package dev.quorumbench.client;

import dev.quorumbench.store.ListLimits;
import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.time.Deadline;
import java.io.IOException;
import java.util.List;

/**
 * Lists what one node holds for a namespace through the store's protocol, within the harness's bounds:
 * {@value #MAX_ROWS} rows (a hostile node cannot exhaust memory) and a time budget per node listing.
 */
public final class ReadBack {

    static final int MAX_ROWS = 1_000_000;

    private final StoreProtocol store;
    private final long listBudgetMs;

    /** {@code listBudgetMs} bounds one node's whole listing, all its pages included. */
    public ReadBack(StoreProtocol store, long listBudgetMs) {
        this.store = store;
        this.listBudgetMs = listBudgetMs;
    }

    /** The ids (write ids) the node at {@code nodeUrl} lists in {@code namespace}, in the node's order. */
    public List<String> ids(String nodeUrl, String namespace) throws IOException {
        return store.listIds(nodeUrl, namespace, new ListLimits(MAX_ROWS, Deadline.in(listBudgetMs)));
    }

    /**
     * As {@link #ids(String, String)}, but never past {@code hardStop}: the listing budget is per node, so without
     * it a node serving one row per page would take a budget per node per round, whatever the read-back deadline.
     */
    public List<String> ids(String nodeUrl, String namespace, Deadline hardStop) throws IOException {
        Deadline own = Deadline.in(listBudgetMs);
        Deadline first = own.atNanos() - hardStop.atNanos() <= 0 ? own : hardStop;
        return store.listIds(nodeUrl, namespace, new ListLimits(MAX_ROWS, first));
    }

    /** The time one node's listing may take. */
    public long listBudgetMs() {
        return listBudgetMs;
    }
}
