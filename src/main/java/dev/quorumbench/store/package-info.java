/**
 * The store-protocol seam: how the harness talks to a store, and nothing else.
 *
 * <h2>The seam</h2>
 * A {@link dev.quorumbench.store.StoreProtocol} has four verbs and one optional capability:
 * <ul>
 *   <li>{@link dev.quorumbench.store.StoreProtocol#prepare prepare} a {@link dev.quorumbench.store.WriteItem}
 *       (namespace, id, value) into a {@link dev.quorumbench.store.PreparedWrite}: built before the write's clock
 *       starts and sent unchanged by every retry, so it must be retry-safe (the same id twice is one item);</li>
 *   <li>{@link dev.quorumbench.store.StoreProtocol#attempt attempt} it once against one node and classify the
 *       answer into an {@link dev.quorumbench.store.AttemptResult}; store and network behaviour is never an
 *       exception. Each result says whether to retry, the write's {@link dev.quorumbench.run.Outcome} if it was
 *       the last attempt, and whether the attempt may have taken effect (Jepsen's {@code :info}) or certainly did
 *       not ({@code :fail}: the store said no, or nothing was sent);</li>
 *   <li>{@link dev.quorumbench.store.StoreProtocol#listIds listIds}: the ids ONE node itself holds for a cycle's
 *       namespace, paging as the store needs, bounded by {@link dev.quorumbench.store.ListLimits} (rows and a
 *       deadline). The read must be node-local: a store that forwards reads to its leader (etcd's default range,
 *       rqlite's default level) would otherwise be read N times from the leader;</li>
 *   <li>{@link dev.quorumbench.store.StoreProtocol#health health}: a {@link dev.quorumbench.store.NodeHealth}
 *       — up or not, and the node's wall clock when the store reports one (empty otherwise: the clock fault then
 *       says it cannot measure the skew, rather than guess);</li>
 *   <li>{@link dev.quorumbench.store.StoreProtocol#clockOffset clockOffset}: the cooperative clock offset, a
 *       {@link dev.quorumbench.store.ClockOffset} capability a store offers or not.</li>
 * </ul>
 * The retry loop ({@code client.WriteClient}), read-back ({@code client.ReadBack}, {@code ConvergenceWait}), the
 * clock faults ({@code fault.ClockProbe}), the cluster's health probe ({@code cluster.ProcessCluster}) and the benchmarks
 * use only this interface. {@link dev.quorumbench.store.StoreProtocols#forTarget} is the one factory. HTTP goes
 * through {@link dev.quorumbench.store.HttpTransport} (HttpClient 5): bounded connect and response timeouts, capped
 * bodies, no hidden retries, and {@link dev.quorumbench.store.HttpTransport#failure} telling "nothing was sent"
 * from "lost after sending". This package imports only {@code run/}, {@code time/} and the shared
 * {@code InvalidInputException}; {@code client/}, {@code cluster/}, {@code fault/} and {@code bench/} import it.
 *
 * <h2>Describing an HTTP store (no code)</h2>
 * A target profile's {@code "protocol"} may be an object instead of a name: {@link dev.quorumbench.store.HttpStoreSpec}
 * is its one Java type (bound by Jackson, unknown keys rejected), {@link dev.quorumbench.store.HttpStore} checks and
 * compiles it when the profile is parsed (every error one line naming the field), and
 * {@link dev.quorumbench.store.HttpStoreProtocol} runs it: {@link dev.quorumbench.store.RequestTemplate} and
 * {@link dev.quorumbench.store.Template} build requests (placeholders and the helpers base64, url, json,
 * range_end), {@link dev.quorumbench.store.OutcomeRules} classify answers; both are pure. ai-memory's API is such a
 * description ({@code benchmarks/targets/ai-memory-declarative.json}, loaded by {@code AiMemoryDescription}): the
 * named protocol {@code "ai-memory"} runs it. README "Testing your own store" documents every field.
 *
 * <h2>Adding a store protocol in Java</h2>
 * Only for a store the description cannot say (not HTTP, or a read-back that is not a paged list):
 * <ol>
 *   <li>Write one class, {@code store/<Name>Protocol implements StoreProtocol}, taking an {@code HttpTransport}.
 *       In {@code prepare}, build the {@link dev.quorumbench.store.StoreRequest} (method, path with query, headers,
 *       body) once; use the item's id as the key, so a retry overwrites or merges instead of duplicating. In
 *       {@code attempt}, send it with the given timeout, map an {@code IOException} with
 *       {@code HttpTransport.failure(e)} and an answer with a pure {@code classify} of your own (test it with a
 *       table of literal rows, as the ai-memory rules are in {@code OutcomeRulesTest}). Map
 *       "the store said no" to {@code REJECTED}, "the id exists already" to {@code CONFLICT}, "try later, nothing done" to {@code BUSY},
 *       and anything you cannot read to {@code GARBAGE}: never guess that a write did not happen.</li>
 *   <li>In {@code listIds}, read the node's own copy (etcd: {@code serializable: true}; rqlite:
 *       {@code level=none}), page until the store says there is no more, stop at {@code limits.maxRows()} and
 *       before starting a request past {@code limits.deadline()}, and throw {@code IOException} for anything
 *       incomplete: the node then counts as unreadable, never as converged. Decode keys the store encodes
 *       (etcd's base64) back to the ids you wrote.</li>
 *   <li>In {@code health}, send the probe with {@link dev.quorumbench.store.StoreRequest#CLOSE} so no pooled
 *       connection is left to a node that may be killed; return {@code NodeHealth.down(reason)} rather than
 *       throw. Leave the wall clock empty unless the store really reports it. Offer {@code clockOffset()} only
 *       when the target's nodes accept it.</li>
 *   <li>Register it: a {@link dev.quorumbench.store.StoreProtocolKind} in
 *       {@link dev.quorumbench.store.StoreProtocols#kinds()} (built in) or in
 *       {@code META-INF/services/dev.quorumbench.store.StoreProtocolKind} (a plug-in); the profile names it.</li>
 *   <li>Prove it against a real node (as {@code DeclarativeProtocolProcessTest} does for ai-memory), and reuse the
 *       test doubles: {@code FakeStore} (in-memory, can lose an acknowledged write), {@code BrokenNode} (resets,
 *       409s, garbage on real sockets), {@code KvTestNode} (an etcd-shaped store that acknowledges without
 *       storing, or forwards reads to one node) and {@code MemoryStoreKind} (a registered plug-in that runs
 *       whole campaigns through JMH).</li>
 * </ol>
 */
package dev.quorumbench.store;
