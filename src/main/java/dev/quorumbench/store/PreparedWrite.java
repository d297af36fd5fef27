package dev.quorumbench.store;

import java.util.Objects;

/**
 * A write ready to send: built once, before the write's clock starts, and sent unchanged by every attempt, so a
 * retry carries the same id and the store can treat it as the same write.
 *
 * @param item    what is written
 * @param request the request every attempt sends to a node
 */
public record PreparedWrite(WriteItem item, StoreRequest request) {

    public PreparedWrite {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(request, "request");
    }

    public String id() {
        return item.id();
    }
}
