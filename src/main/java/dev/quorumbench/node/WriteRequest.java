package dev.quorumbench.node;

import java.util.List;

/**
 * A validated client write ({@code POST /api/v1/memories}), with defaults applied.
 *
 * @param merge true for {@code on_conflict=merge}: an existing (namespace, title) is updated, not refused
 */
public record WriteRequest(String tier, String namespace, String title, String content, List<String> tags,
        int priority, double confidence, String source, String metadataJson, boolean merge) {

    public WriteRequest {
        tags = List.copyOf(tags);
    }

    /** The row this request creates when its key is new. */
    Memory toNewMemory(String id, long nowMs) {
        return new Memory(id, namespace, title, content, tier, tags, priority, confidence, source, metadataJson,
                nowMs, nowMs);
    }

    /** The row after merging this request into {@code existing}: same id and creation time, newer updated_at. */
    Memory mergeInto(Memory existing, long nowMs) {
        // updated_at must beat the stored version even when that came from a peer whose clock runs ahead.
        long updated = Math.max(nowMs, existing.updatedAtMs() + 1);
        return new Memory(existing.id(), namespace, title, content, tier, tags, priority, confidence, source,
                metadataJson, existing.createdAtMs(), updated);
    }
}
