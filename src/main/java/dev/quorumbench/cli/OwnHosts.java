package dev.quorumbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.cluster.TargetProfile;
import dev.quorumbench.host.AfterDeath;
import dev.quorumbench.netns.NetnsCluster;
import dev.quorumbench.netns.NetnsException;
import dev.quorumbench.netns.NetnsLayout;
import dev.quorumbench.run.RunFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The namespace cluster a run brings up for a profile with {@code "host": "netns"}: three hosts of its own name and
 * subnet, the profile written into the run directory as a hosts profile placing node i on host i (what the forks
 * read), and everything removed again by {@link #close()}.
 */
final class OwnHosts implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NetnsCluster cluster;
    private final Path profile;
    private final AfterDeath downIfKilled;
    private volatile String leftBehind;

    private OwnHosts(NetnsCluster cluster, Path profile, AfterDeath downIfKilled) {
        this.cluster = cluster;
        this.profile = profile;
        this.downIfKilled = downIfKilled;
    }

    /**
     * Brings up the cluster for {@code target} (its profile JSON asks for {@code "host": "netns"}) and writes the hosts
     * profile into {@code runDir}; on failure nothing is left (NetnsCluster removes what it built).
     */
    static OwnHosts up(String target, Path runDir, int hosts) throws NetnsException {
        NetnsLayout layout = layout(ProcessHandle.current().pid(), hosts);
        NetnsCluster cluster = new NetnsCluster(layout, null);
        // Armed before anything exists: a harness SIGKILLed from here on has its cluster removed by `cluster down`.
        AfterDeath downIfKilled = AfterDeath.arm(downCommand(layout)).orElse(null);
        try {
            cluster.up();
        } catch (NetnsException | RuntimeException e) {
            if (downIfKilled != null) {
                downIfKilled.close();
            }
            throw e;
        }
        try {
            Path file = runDir.resolve(RunFiles.TARGET_HOSTS);
            JsonNode original = JSON.readTree(TargetProfile.text(target));
            cluster.writeProfile((ObjectNode) original, file,
                    runDir.resolve(RunFiles.NODES_DIR).resolve(RunFiles.NETNS_NODES));
            return new OwnHosts(cluster, file, downIfKilled);
        } catch (IOException | NetnsException | RuntimeException e) {
            if (downIfKilled != null) {
                downIfKilled.close();
            }
            try {
                cluster.down();
            } catch (NetnsException ignored) {
                // the first failure is the one to report
            }
            throw e instanceof NetnsException n ? n : new NetnsException(e.getMessage(), e);
        }
    }

    /**
     * A name and /24 of this harness's own (from its pid), so two runs, and a {@code cluster up} on the default
     * 10.213.77.0/24, can coexist.
     */
    static NetnsLayout layout(long pid, int hosts) {
        String name = "r" + Long.toString(pid % 60_466_176L, 36); // 36^5: at most 6 characters
        return NetnsLayout.of(name, "10.214." + (2 + pid % 250) + ".0/24", hosts);
    }

    /** {@code cluster down} of this layout, run by a fresh JVM of this jar (pure). */
    static List<String> downCommand(NetnsLayout layout) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "cluster", "down", "--name",
                layout.name(), "--subnet", layout.subnet());
    }

    /** The hosts profile the run's forks use. */
    Path profile() {
        return profile;
    }

    String name() {
        return cluster.layout().name() + " (" + cluster.layout().subnet() + ")";
    }

    /** What removing the cluster could not remove, or null. */
    String leftBehind() {
        return leftBehind;
    }

    /** Removes the namespaces, their processes, sshd and keys; idempotent, safe from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (downIfKilled != null) {
            downIfKilled.close();
        }
        try {
            cluster.down();
        } catch (NetnsException e) {
            leftBehind = e.getMessage();
        }
    }
}
