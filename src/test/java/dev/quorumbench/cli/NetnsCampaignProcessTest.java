package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorumbench.host.LocalHost;
import dev.quorumbench.netns.NetnsCluster;
import dev.quorumbench.netns.NetnsLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short campaign through JMH against the namespace cluster (root): the written hosts profile, nodes in three
 * namespaces started over SSH, the kill class (SIGKILL over SSH, restart there) and the partition class (iptables
 * DROP between namespaces on node-0's host), each cycle labelled real, and every class passing.
 */
@Tag("process")
class NetnsCampaignProcessTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(900)
    void killAndPartitionRunOverSshOnTheNamespaceCluster() throws Exception {
        Assumptions.assumeTrue(LocalHost.get().facts().root(), "skipped: a namespace cluster needs root");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "skipped: openssh-server missing");
        Assumptions.assumeTrue(LocalHost.get().firewall().value().isPresent(), "skipped: no iptables");
        NetnsCluster netns = new NetnsCluster(NetnsLayout.of("qbj", "10.213.82.0/24", 3), tmp.resolve("cluster"));
        try {
            Path profile = netns.up();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Path runs = tmp.resolve("runs");
            int exit = Main.run(new String[] {"--campaign-id", "netns", "--runs-dir", runs.toString(), "--target",
                profile.toString(), "--faults", "kill_primary_mid_write,partition_minority", "--mechanism",
                "partition_minority=iptables", "--cycles", "3", "--writes", "20", "--warmup-cycles", "1"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String e = err.toString(StandardCharsets.UTF_8);
            System.out.println("---- netns campaign exit " + exit + "\n" + out.toString(StandardCharsets.UTF_8) + e);
            assertEquals(ExitCode.OK, exit, e);
            Path dir = runs.resolve("netns");
            for (JsonNode c : RealCycles.assertEveryCycleReal(dir, "partition_minority", 3)) {
                String detail = c.path("fault_event").path("detail").asText();
                assertTrue(detail.startsWith("iptables DROP in chain QB-") && detail.contains("10.213.82.11"), detail);
            }
            for (JsonNode c : RealCycles.assertEveryCycleReal(dir, "kill_primary_mid_write", 3)) {
                assertTrue(c.path("recovery_ms").isNumber(), "restarted over SSH: " + c);
            }
        } finally {
            netns.down();
        }
    }
}
