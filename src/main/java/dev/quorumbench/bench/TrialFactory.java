package dev.quorumbench.bench;

import dev.quorumbench.cluster.Cluster;
import dev.quorumbench.cluster.ClassDataArchive;
import dev.quorumbench.cluster.ClusterSpec;
import dev.quorumbench.cluster.Clusters;
import dev.quorumbench.cluster.TargetProfile;
import dev.quorumbench.fault.Fault;
import dev.quorumbench.fault.FaultCatalog;
import dev.quorumbench.fault.FaultOptions;
import dev.quorumbench.fault.FaultPlan;
import dev.quorumbench.fault.NodeSetup;
import dev.quorumbench.fault.TargetCapabilities;
import dev.quorumbench.host.Host;
import dev.quorumbench.run.CampaignJson;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.RunFiles;
import dev.quorumbench.store.StoreProtocol;
import dev.quorumbench.store.StoreProtocols;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds a fault class's trial inside the JMH fork: reads the campaign spec, starts the target cluster with
 * whatever the fault's mechanism needs (proxies, libfaketime), binds the fault, opens the run files.
 *
 * <p>When the trial cannot start, one line goes to {@code trial-error-<fault>.txt} so the parent can explain
 * exit code 4 without a stack trace.
 */
final class TrialFactory {
    /** In the node work directory: whether this trial's nodes map a class-data archive, and which. */
    static final String CLASS_DATA_NOTE = "class-data-archive.txt";

    private TrialFactory() {
    }

    static CampaignTrial start(String campaignJson, String faultKey) throws Exception {
        if (campaignJson == null || campaignJson.isEmpty()) {
            throw new IllegalArgumentException("no -D" + Phase4Benchmark.CAMPAIGN_PROPERTY + " given: run the campaign with "
                    + "'java -jar target/benchmarks.jar', which writes campaign.json and passes it to JMH");
        }
        FaultClass fault = FaultClass.fromKey(faultKey); // JMH's parameter: the parent passes the campaign's own list
        // campaign.json lives in its run directory: a trial error can be written there even if the file is bad.
        Path runDir = Path.of(campaignJson).toAbsolutePath().getParent();
        Host host = null;
        Cluster cluster = null;
        StoreProtocol store = null;
        try {
            CampaignSpec spec = CampaignJson.read(Path.of(campaignJson));
            Path workDir = RunFiles.nodeWorkDir(runDir, fault);
            Files.createDirectories(workDir);
            TargetProfile profile = TargetProfile.resolve(spec.target());
            store = StoreProtocols.forTarget(profile.storeTarget(), CampaignTrial.responseTimeoutMs(spec));
            // One host for the plan and the cluster: files the mechanism writes land where the nodes run.
            host = Clusters.hostOf(profile);
            FaultPlan plan = FaultCatalog.plan(fault, spec.mechanismOverrides().get(fault),
                    new FaultOptions(spec.faultWindowMs(), spec.skewMs(), spec.dropShare(), spec.seed(),
                            TargetCapabilities.of(store, profile), workDir), host,
                    Clusters.nodeHosts(profile, host), store);
            ClusterSpec.Builder clusterSpec = ClusterSpec.builder(profile, workDir)
                    .quorumWrites(spec.quorumWrites())
                    .quorumTimeoutMs(spec.quorumTimeoutMs())
                    .extraNodeArgs(spec.nodeArgs())
                    .campaignId(spec.campaignId());
            plan.prepare();
            NodeSetup setup = plan.nodeSetup();
            for (Map.Entry<Integer, Map<String, String>> e : setup.env().entrySet()) {
                clusterSpec.nodeEnv(e.getKey(), e.getValue());
            }
            for (Map.Entry<Integer, List<String>> e : setup.args().entrySet()) {
                clusterSpec.nodeArgs(e.getKey(), e.getValue());
            }
            // Before the cluster: the first trial on a new jar makes the node's class-data archive (a few seconds,
            // once); every start and restart of this trial's nodes then maps it.
            Files.writeString(workDir.resolve(CLASS_DATA_NOTE), ClassDataArchive.ensure(profile, host.javaCommand(),
                    store, workDir) + "\n", StandardCharsets.UTF_8);
            cluster = Clusters.start(clusterSpec.build(), host);
            Fault bound = plan.bind(cluster);
            return new CampaignTrial(spec, fault, cluster, bound, store, spec.startedAtMs());
        } catch (Exception | Error e) {
            if (cluster != null) {
                cluster.close(); // closes its host too
            } else if (host != null) {
                host.close();
            }
            if (store != null) {
                store.close();
            }
            writeTrialError(runDir, fault, e);
            throw e;
        }
    }

    private static void writeTrialError(Path runDir, FaultClass fault, Throwable e) {
        try {
            String line = (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()).replace('\n', ' ');
            Files.createDirectories(runDir);
            Files.writeString(RunFiles.trialError(runDir, fault), line + "\n", StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // The run directory itself is unwritable: the JMH error output is all that is left.
        }
    }
}
