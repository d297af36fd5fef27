package dev.quorumbench.node;

import java.util.List;

/**
 * One stored memory, as a full row: the unit that is written, replicated and listed.
 *
 * @param metadataJson the metadata object serialized as compact JSON text
 * @param createdAtMs creation time on the node that created it, epoch ms of that node's wall clock
 * @param updatedAtMs last update time; with {@code id} it orders concurrent versions (last writer wins)
 */
public record Memory(String id, String namespace, String title, String content, String tier, List<String> tags,
        int priority, double confidence, String source, String metadataJson, long createdAtMs, long updatedAtMs) {

    public Memory {
        tags = List.copyOf(tags);
    }

    /** True when this version beats {@code other} under last-writer-wins on (updated_at, id). */
    public boolean newerThan(Memory other) {
        if (updatedAtMs != other.updatedAtMs) {
            return updatedAtMs > other.updatedAtMs;
        }
        return id.compareTo(other.id) > 0;
    }
}
