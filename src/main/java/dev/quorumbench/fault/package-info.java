/**
 * Faults of the Phase-4 chaos campaign: four fault classes, each with real mechanisms, honestly labelled.
 *
 * <h2>Shape</h2>
 * <pre>{@code
 * FaultPlan plan = FaultCatalog.plan(FaultClass.PARTITION_MINORITY, null,          // null: the default mechanism
 *         FaultOptions.defaults(runDir, cluster.capabilities()));
 * plan.mechanism();   // e.g. proxy-blackhole, REAL — or UNAVAILABLE with the reason
 * plan.nodeSetup();   // start the cluster with these env/args (libfaketime) and link proxies
 * Fault fault = plan.bind(cluster);                                 // once, after the cluster is up
 * FaultOutcome o = FaultCycle.run(fault);     // per cycle: inject (verified), hold windowMs, heal in finally
 * o.event();          // the FaultEvent for the cycle record: mechanism, status, start/end, detail, measurements
 * }</pre>
 * A {@link dev.quorumbench.fault.Fault} is reused for every cycle; {@code inject()} verifies that the fault took
 * effect and throws {@link dev.quorumbench.fault.FaultException} when it did not; {@code heal()} is idempotent
 * and restores the cluster even after a failed inject. Every wait has a deadline.
 *
 * <h2>What each mechanism really does</h2>
 * <table>
 * <caption>mechanisms, default first</caption>
 * <tr><th>fault</th><th>mechanism</th><th>inject (verified by)</th><th>heal (verified by)</th><th>status</th></tr>
 * <tr><td>kill_primary_mid_write</td><td>sigkill</td><td>SIGKILL of node-0's own JVM (its host reports the pid gone)</td>
 *     <td>restart on the same database (healthy; {@code recovery_ms}, {@code downtime_ms})</td><td>real</td></tr>
 * <tr><td></td><td>sigkill-at-fanout</td><td>the same SIGKILL, sent by the link proxy thread that just passed the
 *     first bytes of a push from node-0 to a peer ({@code push_to_kill_us}, {@code push_in_flight_at_kill})</td>
 *     <td>as sigkill</td><td>real where the peer links are proxied, else unavailable</td></tr>
 * <tr><td></td><td>sigkill-after-peer-ack</td><td>the same SIGKILL, sent as the first peer's push answer passed
 *     back to node-0 ({@code answer_to_kill_us})</td><td>as sigkill</td>
 *     <td>real where the peer links are proxied, else unavailable</td></tr>
 * <tr><td>partition_minority</td><td>proxy-blackhole</td><td>the link proxies of 0→j and j→0 stop every byte,
 *     no RST (a probe through each of node-0's proxy ports gets no byte in 150 ms)</td>
 *     <td>proxies forward again (each port answers HTTP)</td><td>real</td></tr>
 * <tr><td></td><td>iptables</td><td>DROP, in chain {@code QB-<machine>-<harness pid>} on lo of node-0's host, of node-0's link-proxy ports,
 *     {@code --dport} and {@code --sport} (same probe); the harness and node-1↔node-2 are untouched</td>
 *     <td>chain flushed (same probe); chain removed at exit, dead harnesses' chains swept</td>
 *     <td>real as root, else unavailable</td></tr>
 * <tr><td>drop_random_acks</td><td>sigstop</td><td>SIGSTOP of node-1 (its host reports it stopped): acks are
 *     delayed, not lost, since the kernel still accepts connections</td><td>SIGCONT (no longer stopped)</td>
 *     <td>real</td></tr>
 * <tr><td></td><td>proxy-drop-acks</td><td>the 0→1 proxy delivers requests and swallows a random share of
 *     responses (proxy reports the mode)</td><td>proxies forward ({@code dropped_responses})</td><td>real</td></tr>
 * <tr><td>clock_skew_peer</td><td>libfaketime</td><td>node-1 runs under libfaketime; the timestamp file gets
 *     the skew (node-1's health {@code time_ms} shows it; {@code measured_skew_ms})</td>
 *     <td>file back to {@code +0} (skew gone; {@code residual_skew_ms})</td><td>real if installed</td></tr>
 * <tr><td></td><td>node-offset</td><td>node-1 offsets its own clock on request (same measurement)</td>
 *     <td>offset 0</td><td>cooperative, needs the {@code clock-offset} capability</td></tr>
 * <tr><td></td><td>recorded-only</td><td>nothing; the intent is recorded</td><td>nothing</td>
 *     <td>simulated: its class cannot pass</td></tr>
 * </table>
 * The default clock mechanism falls back to node-offset, then recorded-only, when libfaketime is missing, and
 * says so in the mechanism's reason; an explicitly requested mechanism that cannot run is unavailable (its
 * inject fails), never silently replaced.
 *
 * <h2>Where faults act</h2>
 * Only through the {@link dev.quorumbench.cluster.Cluster} handle (pids, restart, link proxies, URLs) and the
 * {@link dev.quorumbench.host.Host} each node runs on ({@code cluster.host(i)}: signals, process states, the
 * timestamp file, the firewall). Nothing here starts a process, reads a process table or touches a node's file
 * itself, so the same fault works on any kind of host. {@link dev.quorumbench.fault.LibFaketime} (the environment a JVM
 * needs under libfaketime, the offset format) and {@link dev.quorumbench.fault.PartitionChain} (the chain's name
 * and rules) hold what the mechanisms need to know, not how a host carries it out.
 *
 * <h2>Mechanisms are registered kinds</h2>
 * Each mechanism is a {@link dev.quorumbench.fault.MechanismKind}: its name and fault class, how real it is for a
 * host's {@link dev.quorumbench.host.HostFacts} and the target's capabilities (pure), an optional fallback (only
 * libfaketime has one), and its plan: the {@link dev.quorumbench.fault.NodeSetup}, what to write before the nodes
 * start, and the bound {@link dev.quorumbench.fault.Fault}. Each built-in kind is a nested {@code Kind} class in its
 * fault's file ({@code KillPrimaryFault.Kind} is {@code sigkill}) and is listed once in
 * {@link dev.quorumbench.fault.Mechanisms}. {@link dev.quorumbench.fault.FaultCatalog} holds no mechanism of its own:
 * it rejects a name the class does not have (one line listing the valid ones), resolves the status, applies the
 * default's fallback, and plans through the kind. An unavailable mechanism is never asked for a plan: the cluster
 * starts without its setup and its fault refuses to inject.
 *
 * <h2>Adding a fault class</h2>
 * <ol>
 * <li>{@code run/FaultClass.java}: a constant with its key and its mechanism names, the default first.</li>
 * <li>{@code fault/<Name>Fault.java}, one per mechanism: the fault (extend {@link dev.quorumbench.fault.BoundFault};
 *     inject verifies its effect, heal is idempotent, every wait has a deadline) with its nested
 *     {@code static final class Kind implements MechanismKind}.</li>
 * <li>{@code fault/Mechanisms.java}: one line per mechanism in {@code BUILT_IN}.</li>
 * <li>Presets and docs: {@code benchmarks/phase4.json} and {@code smoke.json} if the class runs there, the
 *     README's fault table, and the table above.</li>
 * </ol>
 * {@code MechanismsTest} fails until every name the constant lists has a built-in kind, and no more;
 * {@code MechanismPlansTest} is the place to pin the new plans' statuses, reasons and node setups.
 *
 * <h2>Adding a mechanism</h2>
 * To a built-in fault class: the fault file with its {@code Kind}, its name in the class's list in
 * {@code run/FaultClass.java} (not first, unless it becomes the default), and its line in
 * {@code fault/Mechanisms.java}. As a plug-in, without touching this project: a public {@code MechanismKind} with a
 * public no-argument constructor, named in {@code META-INF/services/dev.quorumbench.fault.MechanismKind} on the
 * class path. A plug-in adds a name to its own class only (listed after the built-in ones, never the default, and
 * never replacing a built-in of the same name); a name its class does not have stays an input error. The test
 * double {@code plugin/SigtermKind} in src/test is such a plug-in.
 */
package dev.quorumbench.fault;
