package dev.quorumbench.node;

/** A row with the local change sequence under which this node last stored it (the sync watermark unit). */
record SequencedMemory(long seq, Memory memory) {
}
