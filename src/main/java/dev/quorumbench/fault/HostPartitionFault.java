package dev.quorumbench.fault;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.cluster.NodeAddress;
import dev.quorumbench.host.Firewall;
import dev.quorumbench.host.Host;
import dev.quorumbench.host.HostException;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.time.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code partition_minority} by {@code iptables} between hosts: on node-0's host, DROP of every packet from and to
 * the peers' addresses, in the harness's own chain jumped to from every interface, so node-0 and its peers lose each
 * other both ways while the harness still reaches node-0 (and its host's sshd) and node-1↔node-2 keep talking. The
 * inject is confirmed by one round of probes run on the hosts themselves; heal flushes the chain and waits until
 * node-0 and its peers connect again.
 *
 * <p>Before the rules go in, a {@link HostLease} is started on node-0's host: a detached timer that flushes the chain
 * at window + grace unless heal ends it first, so a harness that dies or loses its network mid-partition leaves no
 * partition behind. At bind, chains of harnesses on this machine that are provably gone are swept on every host.
 *
 * <p>Heal's flush is armed on node-0's host first of all (its channel open, its shell waiting), so the window ends one
 * hop after heal decides instead of one SSH command start later; apply and flush each read node-0's clock in the same
 * command, which gives the time the kernel really held the rules ({@value #RULES_HOST_MS}). Heal starts early by the
 * typical lateness of the last armed heals ({@link HealLead}), so confirmed → healed is the configured window.
 */
final class HostPartitionFault extends BoundFault {

    static final int NODE = 0;
    /** How long a probe waits for an answer before calling the link silent. */
    static final long CUT_PROBE_MS = 400;
    private static final long HEAL_WAIT_MS = 10_000;
    private static final long HARNESS_PROBE_MS = 1000;
    /** How long past the window an armed flush waits on its host for heal before giving up (the lease remains). */
    private static final long ARMED_SLACK_MS = 30_000;
    /** Measurement: how long the rules were in node-0's kernel, by that host's own clock (apply → flush). */
    static final String RULES_HOST_MS = "rules_host_ms";
    /** Probes of one round run at once, so confirming costs one probe's time, not six. */
    private static final ExecutorService PROBES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "partition-probe");
        t.setDaemon(true);
        return t;
    });

    private final Cluster cluster;
    private final Firewall firewall;
    private final PartitionChain chain;
    private final long graceMs;
    private final LeaseSlot lease = new LeaseSlot();
    /** Heal's flush, made ready at the start of inject; empty when none is armed. */
    private final ArmedFlushSlot armedFlush = new ArmedFlushSlot();
    /** How late heals through the armed flush finished after the hold's end, so the next is done when its window ends. */
    private final HealLead healLead = new HealLead();
    private volatile long usedLeadMs;
    private volatile boolean firedArmed;
    /** node-0's host clock right after the rules went in (empty where the host does not say). */
    private volatile OptionalLong rulesInHostNanos = OptionalLong.empty();

    private HostPartitionFault(Mechanism mechanism, Cluster cluster, long windowMs, Firewall firewall,
                               PartitionChain chain, long graceMs) {
        super(FaultClass.PARTITION_MINORITY, mechanism, windowMs);
        this.cluster = cluster;
        this.firewall = firewall;
        this.chain = chain;
        this.graceMs = graceMs;
    }

    /** Binds to node-0's host firewall: sweeps chains of harnesses that are gone, then ensures this one's chain. */
    static HostPartitionFault bind(Mechanism mechanism, Cluster cluster, long windowMs, Firewall firewall)
            throws FaultException {
        return bind(mechanism, cluster, windowMs, firewall, HostLease.DEFAULT_GRACE_MS);
    }

    /** As {@link #bind(Mechanism, Cluster, long, Firewall)}, with the lease's grace given (tests). */
    static HostPartitionFault bind(Mechanism mechanism, Cluster cluster, long windowMs, Firewall firewall, long graceMs)
            throws FaultException {
        if (cluster.size() < 2 || cluster.peerAddress(NODE).isEmpty()) {
            throw new FaultException("a partition between hosts needs nodes on hosts of their own (a hosts profile)");
        }
        PartitionChain chain = PartitionChain.ofThisHarness();
        sweepPeers(cluster);
        try {
            firewall.sweep(PartitionChain::abandoned);
            firewall.ensureChain(chain.name(), PartitionChain.ANY_DEVICE);
        } catch (HostException e) {
            throw new FaultException("cannot prepare chain " + chain.name() + " on " + cluster.host(NODE).name() + ": "
                    + e.getMessage(), e);
        }
        return new HostPartitionFault(mechanism, cluster, windowMs, firewall, chain, graceMs);
    }

    /**
     * Sweeps the peers' hosts too: a crashed harness's chain can sit on any host that once was node-0's. A host
     * whose firewall cannot be used or read is skipped (its own partition would fail to bind with the reason).
     */
    private static void sweepPeers(Cluster cluster) {
        for (int i = 1; i < cluster.size(); i++) {
            Host h = cluster.host(i);
            if (h == cluster.host(NODE)) {
                continue;
            }
            h.firewall().value().ifPresent(fw -> {
                try {
                    fw.sweep(PartitionChain::abandoned);
                } catch (HostException e) {
                    // best effort: what is left is swept by the next harness that binds there
                }
            });
        }
    }

    @Override
    public void inject() throws FaultException {
        // an inject without a heal in between (not FaultCycle's way): never leave a channel waiting
        Firewall.ArmedFlush stale = armedFlush.take();
        if (stale != null) {
            stale.close();
        }
        rulesInHostNanos = OptionalLong.empty();
        // Armed first, so the host's shell start-up (root's rc files: 150-260 ms, over a second at load 15) runs
        // during the rules, the confirming probes and the window, not after heal decides.
        armHeal();
        List<String> peers = new ArrayList<>();
        for (int i = 1; i < cluster.size(); i++) {
            peers.add(address(i).host());
        }
        HostLease started;
        try {
            // The lease first: there is never a moment with rules and no one on the host to remove them. Its -w has
            // no bound: a lease that gave up on a busy xtables lock would leave the partition for good.
            started = lease.renew(cluster.host(NODE), FaultClass.PARTITION_MINORITY.key(),
                    List.of("/usr/sbin/iptables", "-w", "-F", chain.name()), windowMs() + graceMs);
            rulesInHostNanos = firewall.apply(chain.dropAddressRules(peers));
        } catch (HostException e) {
            throw new FaultException(e.getMessage(), e);
        }
        Map<String, RemoteConnect.Result> round = probeRound();
        List<String> wrong = new ArrayList<>();
        round.forEach((link, result) -> {
            boolean shouldFlow = !link.contains("node-0") || link.startsWith("harness");
            if (shouldFlow != (result == RemoteConnect.Result.CONNECTED)) {
                wrong.add(link + " " + result);
            }
        });
        if (!wrong.isEmpty()) {
            throw new FaultException("partition not as intended after the rules went in: " + String.join(", ", wrong));
        }
        // Confirmed by the probes, not by iptables-restore's exit: the window is held from here. The rules were in
        // the kernel one probe round earlier, which the attested window's apply start → confirmed shows.
        confirmed();
        detail("iptables DROP in chain " + chain.name() + " on " + cluster.host(NODE).name() + " of packets from and to "
                + peers + " (lease pid " + started.pid() + " flushes it at " + (windowMs() + graceMs) + " ms); probed: "
                + round);
    }

    /**
     * Makes heal's flush ready now, before the rules go in: over SSH the exec channel and the login shell (root's rc
     * files cost 150-260 ms on a loaded machine) are paid before heal decides, so the chain empties one hop after the
     * decision and confirmed → healed is the configured window. If it cannot be armed, heal flushes the usual way.
     */
    private void armHeal() {
        try {
            armedFlush.put(firewall.armFlush(chain.name(), windowMs() + ARMED_SLACK_MS));
        } catch (HostException e) {
            // nothing armed: heal flushes the usual way
        }
    }

    /** The median lateness of the last armed heals (at most 100 ms, a quarter of the window): heal starts that early. */
    @Override
    protected long healLeadMs() {
        long lead = healLead.leadMs(windowMs());
        usedLeadMs = lead;
        return lead;
    }

    /** Flushes through the armed flush if there is one, else (or if it failed) directly; the host's clock after. */
    private OptionalLong flush() throws HostException {
        // One taker only: a backstop heal racing the fault thread's finds the slot empty and flushes directly.
        Firewall.ArmedFlush armed = armedFlush.take();
        firedArmed = false;
        if (armed != null) {
            try {
                OptionalLong stamp = armed.fire();
                firedArmed = true;
                return stamp;
            } catch (HostException e) {
                // A dropped channel or a failed flush: flushing again is harmless, and the lease is still armed.
            } finally {
                armed.close();
            }
        }
        firewall.flush(chain.name());
        return OptionalLong.empty();
    }

    @Override
    public Map<String, Long> heal() throws FaultException {
        long t0 = System.nanoTime();
        OptionalLong rulesOutHostNanos;
        try {
            rulesOutHostNanos = flush();
            reverted();
            long confirmedAt = marks()[0];
            if (firedArmed && confirmedAt != 0) {
                // From the hold's planned end to the revert done: the flush plus the hold's own oversleep, both of
                // which the next window starts early by. Only the armed path is steady enough to learn from.
                healLead.record((System.nanoTime() - confirmedAt) / 1_000_000 - (windowMs() - usedLeadMs));
            }
        } catch (HostException e) {
            // The lease stays armed: if this flush failed, it is what still removes the partition.
            throw new FaultException(e.getMessage(), e);
        }
        long flushed = System.nanoTime();
        boolean leaseFired = lease.end(); // only once the rules are gone
        FaultException[] failure = {null};
        boolean flows = Await.until(() -> {
            try {
                return probeRound().values().stream().allMatch(r -> r == RemoteConnect.Result.CONNECTED);
            } catch (FaultException e) {
                failure[0] = e;
                return false;
            }
        }, HEAL_WAIT_MS, 20);
        if (!flows) {
            throw new FaultException("links of node-0 did not forward again within " + HEAL_WAIT_MS + " ms after the "
                    + "flush" + (failure[0] == null ? "" : ": " + failure[0].getMessage()));
        }
        probedOk();
        long now = System.nanoTime();
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("heal_flush_ms", (flushed - t0) / 1_000_000);
        m.put("heal_lead_ms", usedLeadMs);
        usedLeadMs = 0;
        m.put("heal_probe_ms", (now - flushed) / 1_000_000); // the lease's end, then probes until all connect
        OptionalLong in = rulesInHostNanos;
        rulesInHostNanos = OptionalLong.empty();
        if (in.isPresent() && rulesOutHostNanos.isPresent()) {
            // Both read on node-0's host's own clock: how long the kernel really held the rules (the window plus the
            // confirming probes before it), free of the harness's clock and of SSH's round trips.
            m.put(RULES_HOST_MS, (rulesOutHostNanos.getAsLong() - in.getAsLong()) / 1_000_000);
        }
        if (leaseFired) {
            m.put(HostLease.FIRED, 1L);
        }
        return m;
    }


    /**
     * One round of probes, all at once: node-0's host to each peer, each peer's host to node-0, node-1's host to
     * every other peer, and the harness to node-0.
     */
    private Map<String, RemoteConnect.Result> probeRound() throws FaultException {
        Map<String, CompletableFuture<RemoteConnect.Result>> pending = new LinkedHashMap<>();
        for (int i = 1; i < cluster.size(); i++) {
            pending.put("node-0→node-" + i, remote(NODE, i));
            pending.put("node-" + i + "→node-0", remote(i, NODE));
        }
        for (int j = 2; j < cluster.size(); j++) {
            pending.put("node-1→node-" + j, remote(1, j));
        }
        NodeAddress self = address(NODE);
        pending.put("harness→node-0", CompletableFuture.supplyAsync(() -> harnessConnects(self), PROBES));
        Map<String, RemoteConnect.Result> results = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, CompletableFuture<RemoteConnect.Result>> e : pending.entrySet()) {
                results.put(e.getKey(), e.getValue().join());
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof FaultException f ? f : new FaultException(e.getMessage(), e);
        }
        return results;
    }

    private CompletableFuture<RemoteConnect.Result> remote(int from, int to) {
        Host host = cluster.host(from);
        NodeAddress target = address(to);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return RemoteConnect.attempt(host, target, CUT_PROBE_MS);
            } catch (FaultException e) {
                throw new CompletionException(e);
            }
        }, PROBES);
    }

    private static RemoteConnect.Result harnessConnects(NodeAddress to) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(to.host(), to.port()), (int) HARNESS_PROBE_MS);
            return RemoteConnect.Result.CONNECTED;
        } catch (java.net.SocketTimeoutException e) {
            return RemoteConnect.Result.SILENT;
        } catch (IOException e) {
            return RemoteConnect.Result.REFUSED;
        }
    }

    private NodeAddress address(int i) {
        return cluster.peerAddress(i).orElseThrow();
    }
}
