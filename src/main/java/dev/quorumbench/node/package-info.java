/**
 * The reference federation node: an ai-memory-compatible HTTP node with W-of-N quorum writes, SQLite storage
 * and an anti-entropy sync daemon, run as {@code java -jar target/benchmarks.jar node serve …}.
 *
 * <p>A write is validated ({@link dev.quorumbench.node.WriteRequestParser}), committed locally
 * ({@link dev.quorumbench.node.MemoryStore}), pushed to every peer in parallel
 * ({@link dev.quorumbench.node.Replicator}) and acknowledged once W−1 peers acked
 * ({@link dev.quorumbench.node.QuorumRule}); otherwise it answers 503 {@code quorum_not_met} and keeps the
 * local write. The {@link dev.quorumbench.node.SyncDaemon} pulls every peer's changes by the peer's own
 * local sequence, so nodes converge after faults heal whatever their wall clocks say.
 *
 * <p>The harness shares nothing with this package but the jar: it talks to a node only over HTTP and signals,
 * exactly as it would talk to a real ai-memory federation. Unsafe validation aids (see {@link
 * dev.quorumbench.node.NodeConfig}) break the node on purpose so the harness can prove it notices.
 */
package dev.quorumbench.node;
