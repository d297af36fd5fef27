package dev.quorumbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.InvalidInputException;
import dev.quorumbench.campaign.CampaignRunner;
import dev.quorumbench.campaign.CampaignSettings;
import dev.quorumbench.campaign.Environment;
import dev.quorumbench.campaign.MechanismResolver;
import dev.quorumbench.campaign.Presets;
import dev.quorumbench.cluster.ClusterException;
import dev.quorumbench.cluster.Clusters;
import dev.quorumbench.cluster.ProfileEnvironment;
import dev.quorumbench.cluster.TargetProfile;
import dev.quorumbench.netns.NetnsException;
import dev.quorumbench.run.CampaignJson;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.RunFiles;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code run} (the default command): runs the Phase-4 campaign through JMH, then analyses it. */
final class RunCommand implements Command {

    /** Starts with a letter or digit, so '.', '..' and '-x' can never name a directory other than a new run's. */
    private static final Pattern CAMPAIGN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run the Phase-4 chaos campaign (default command)";
    }

    /** The spellings of run's options that take a value ("--node-args", "-x"): a value is never a flag. */
    static Set<String> optionsTakingValues() {
        Set<String> names = new HashSet<>();
        for (Option o : options().getOptions()) {
            if (o.hasArg()) {
                if (o.getLongOpt() != null) {
                    names.add("--" + o.getLongOpt());
                }
                if (o.getOpt() != null) {
                    names.add("-" + o.getOpt());
                }
            }
        }
        return names;
    }

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("faults").hasArg().argName("LIST")
                .desc("comma list of fault classes (default: all four: " + FaultClass.keys().replace(" ", "") + ")").build());
        o.addOption(Option.builder().longOpt("cycles").hasArg().argName("N").desc("cycles per fault class (200)").build());
        o.addOption(Option.builder().longOpt("writes").hasArg().argName("N").desc("writes per cycle (100)").build());
        o.addOption(Option.builder().longOpt("warmup-cycles").hasArg().argName("N").desc("unrecorded cycles without a fault before measuring (1)").build());
        o.addOption(Option.builder().longOpt("campaign-id").hasArg().argName("ID").desc("run directory name (default: UTC time, e.g. 20261127T221500Z)").build());
        o.addOption(Option.builder().longOpt("runs-dir").hasArg().argName("DIR").desc("parent of run directories (runs)").build());
        o.addOption(Option.builder().longOpt("target").hasArg().argName("T").desc("reference | ai-memory | FILE (a target profile JSON) (reference)").build());
        o.addOption(Option.builder().longOpt("node-args").hasArg().argName("ARGS").desc("extra flags for every node, space-separated, e.g. \"--extra-latency-ms 5\"").build());
        o.addOption(Option.builder().longOpt("mechanism").hasArg().argName("FAULT=NAME").desc("use another mechanism for a fault class (repeatable)").build());
        o.addOption(Option.builder().longOpt("rate").hasArg().argName("N").desc("open loop: N writes/s, latency from each write's intended start (default: closed loop)").build());
        o.addOption(Option.builder().longOpt("threshold").hasArg().argName("X").desc("minimum convergence_bound per class (0.995)").build());
        o.addOption(Option.builder().longOpt("replica-threshold").hasArg().argName("X").desc("minimum replica_convergence per class (0.99)").build());
        o.addOption(Option.builder().longOpt("quorum-timeout-ms").hasArg().argName("MS").desc("--quorum-timeout-ms given to every node (2000)").build());
        o.addOption(Option.builder().longOpt("fault-window-ms").hasArg().argName("MS").desc("how long a partition / pause / skew lasts (500)").build());
        o.addOption(Option.builder().longOpt("skew-ms").hasArg().argName("MS").desc("clock skew applied to node-1 (60000)").build());
        o.addOption(Option.builder().longOpt("fire-after").hasArg().argName("N").desc("fire the fault after the N-th write of a cycle (3)").build());
        o.addOption(Option.builder().longOpt("write-deadline-ms").hasArg().argName("MS").desc("per-write deadline including retries (10000)").build());
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("N").desc("seed for random fault choices").build());
        o.addOption(Option.builder().longOpt("preset").hasArg().argName("P").desc("smoke | phase4 | pr | FILE: campaign settings from benchmarks/ (options override it)").build());
        o.addOption(Option.builder().longOpt("jmh").hasArg().argName("OPTS").desc("extra JMH options, e.g. \"-prof gc\" (the campaign's own settings win)").build());
        o.addOption(Option.builder().longOpt("ab-block").hasArg().argName("N").desc("interleaved A/B: cycles per ABBA block ("
                + dev.quorumbench.campaign.AbPlan.DEFAULT_BLOCK_CYCLES + "); alone, an A/A campaign").build());
        o.addOption(Option.builder().longOpt("ab-head-node-args").hasArg().argName("ARGS").desc("interleaved A/B: the head arm's node args (the base arm's are --node-args)").build());
        o.addOption(Option.builder().longOpt("ab-head-target").hasArg().argName("T").desc("interleaved A/B: the head arm's target (the base arm's is --target)").build());
        o.addOption(Option.builder().longOpt("gate").hasArg().argName("lenient|strict").desc("interleaved A/B: strict exits 5 when nothing regressed but a metric is inconclusive (lenient)").build());
        o.addOption(Option.builder().longOpt("gate-metrics").hasArg().argName("LIST").desc("interleaved A/B: the metrics (keys or groups) whose verdicts decide the exit; the rest are reported beside the gate (every metric; the pr preset: convergence,lost,counts,latency_p50,time)").build());
        CiOutputs.addTo(o);
        o.addOption(Option.builder("l").longOpt("list").desc("list the benchmarks in this jar, as JMH's -l does").build());
        o.addOption(Option.builder("v").longOpt("verbose").desc("show JMH's own output (otherwise written to runs/<id>/" + RunFiles.JMH_LOG + ")").build());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
        o.addOption(Option.builder().longOpt("version").desc("print the version and commit, and run nothing").build());
        return o;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        CommandLine cl = CommandLines.parse(options(), args, "--help");
        if (!cl.getArgList().isEmpty()) {
            throw new InvalidInputException("unexpected argument '" + cl.getArgList().get(0) + "' (see --help)");
        }
        if (cl.hasOption("help")) {
            new HelpFormatter().printHelp(new java.io.PrintWriter(out, true), 100,
                    "java -jar target/benchmarks.jar [run] [options]",
                    "Runs the Phase-4 chaos campaign and writes runs/<campaign-id>/. Exit: 0 every class passed, "
                            + "1 a class failed, 2 bad usage, 4 the harness could not run; an interleaved A/B campaign "
                            + "(--ab-*, or a preset with \"ab\") also 3 head regressed, 5 inconclusive under --gate strict.",
                    options(), 2, 4, "");
            return ExitCode.OK;
        }
        if (cl.hasOption("version")) {
            // Anywhere among run's options, like the top-level --version: before any other work.
            out.println(BuildInfo.current());
            return ExitCode.OK;
        }
        if (cl.hasOption("list")) {
            out.println("Benchmarks:");
            out.println(CampaignRunner.benchmarkName());
            out.println(dev.quorumbench.bench.QuorumWriteBenchmark.class.getName() + ".write");
            return ExitCode.OK;
        }

        CiOutputs ci = CiOutputs.from(cl); // a bad CI file name stops here, before anything runs
        CampaignSettings settings = new CampaignSettings();
        if (cl.hasOption("preset")) {
            settings.overlay(Presets.load(cl.getOptionValue("preset")));
        }
        settings.overlay(optionLayer(cl));
        String id = cl.getOptionValue("campaign-id",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")));
        if (!CAMPAIGN_ID.matcher(id).matches()) {
            throw new InvalidInputException("--campaign-id must be 1-64 of [A-Za-z0-9._-] starting with a letter or digit, got '"
                    + id + "'");
        }
        Path runDir = Path.of(cl.getOptionValue("runs-dir", "runs")).resolve(id).toAbsolutePath().normalize();
        if (Files.exists(runDir) && (!Files.isDirectory(runDir) || !isEmptyDirectory(runDir))) {
            throw new InvalidInputException(runDir + " already exists; choose another --campaign-id (recorded runs are never overwritten)");
        }
        TargetProfile profile = TargetProfile.resolve(settings.toSpec(id, runDir.toString(), 0).target());
        if (cl.hasOption("faults")) {
            // Asked for by name: a class the target cannot suffer is a usage error, never silently dropped.
            for (String f : cl.getOptionValue("faults").split(",")) {
                if (!f.isBlank() && profile.notApplicable().containsKey(FaultClass.fromKey(f.trim()))) {
                    throw new InvalidInputException("--faults names " + f.trim() + ", which target " + profile.name()
                            + " declares not applicable: " + profile.notApplicable().get(FaultClass.fromKey(f.trim())));
                }
            }
        }
        // A missing AI_MEMORY_BIN (or any ${env:…} the profile needs) is bad input, found before JMH starts.
        ProfileEnvironment.check(profile, System::getenv);
        CampaignSpec planned = settings.toSpec(id, runDir.toString(), System.currentTimeMillis())
                .withoutNotApplicable(profile.notApplicable());
        String gate = cl.getOptionValue("gate", "lenient");
        if (!gate.equals("lenient") && !gate.equals("strict")) {
            throw new InvalidInputException("--gate must be lenient or strict, got '" + gate + "'");
        }
        dev.quorumbench.campaign.AbPlan ab = settings.abPlan();
        if (ab != null && cl.hasOption("gate-metrics")) {
            ab = ab.withGateMetrics(List.of(cl.getOptionValue("gate-metrics").split(",", -1)));
        }
        if (ab != null) {
            return InterleavedRun.run(settings, ab, id, runDir, cl.hasOption("jmh") ? splitArgs(cl.getOptionValue("jmh"))
                    : List.of(), cl.hasOption("verbose"), gate.equals("strict"), ci, out, err);
        }
        for (String option : List.of("gate", "gate-metrics")) {
            if (cl.hasOption(option)) {
                throw new InvalidInputException("--" + option + " applies to an interleaved A/B campaign (--ab-block,"
                        + " --ab-head-*, or a preset with \"ab\"); to gate two runs use compare --" + option);
            }
        }
        if (!profile.ownCluster()) {
            return run(cl, planned, runDir, ci, out, err);
        }
        // "host": "netns": hosts of the run's own, up before anything is planned on them and removed in any case.
        Files.createDirectories(runDir);
        OwnHosts own;
        try {
            own = OwnHosts.up(planned.target(), runDir, 3);
        } catch (NetnsException e) {
            err.println("quorumbench run: target " + profile.name() + " needs a namespace cluster: " + e.getMessage());
            return ExitCode.HARNESS;
        }
        Thread downHook = new Thread(() -> {
            ProcessCleanup.stopDescendantsOnce(); // the fork heals its faults and stops its nodes first
            own.close();
            err.println(own.leftBehind() == null ? "quorumbench: removed namespace cluster " + own.name()
                    : "quorumbench run: " + own.leftBehind());
        }, "quorumbench-own-hosts");
        Runtime.getRuntime().addShutdownHook(downHook);
        try {
            err.println("quorumbench: target " + profile.name() + " on namespace cluster " + own.name() + ", profile "
                    + own.profile());
            return run(cl, planned.withTarget(own.profile().toString()), runDir, ci, out, err);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(downHook);
            } catch (IllegalStateException shuttingDown) {
                // SIGINT: the hook removes the cluster
            }
            own.close();
            if (own.leftBehind() != null) {
                err.println("quorumbench run: " + own.leftBehind());
            }
        }
    }

    /** Runs the planned campaign on its target (for a netns profile: the hosts profile the run wrote). */
    private int run(CommandLine cl, CampaignSpec planned, Path runDir, CiOutputs ci, PrintStream out,
                    PrintStream err)
            throws Exception {
        String id = planned.campaignId();
        try {
            // A hosts profile's machines must answer before anything is recorded; the message names the first that does not.
            Clusters.connectAll(TargetProfile.resolve(planned.target()));
        } catch (ClusterException e) {
            err.println("quorumbench run: " + e.getMessage());
            return ExitCode.HARNESS;
        }
        Map<FaultClass, Mechanism> mechanisms = MechanismResolver.resolve(planned);
        List<String> jmhArgs = cl.hasOption("jmh") ? splitArgs(cl.getOptionValue("jmh")) : List.of();
        CampaignSpec spec = planned.withResolution(mechanisms, Environment.capture(planned.target()));
        CampaignRunner runner = new CampaignRunner(spec, jmhArgs, cl.hasOption("verbose"));

        CommandLines.writableDirectory(runDir, "--runs-dir: run directory");
        CampaignJson.write(spec);
        err.printf("quorumbench: campaign %s: %s x %d cycles x %d writes on target %s (%s) -> %s%n", id,
                String.join(",", spec.faults().stream().map(FaultClass::key).toList()),
                spec.cycles(), spec.writes(), spec.target(), spec.schedule(), runDir);
        if (!"node-local".equals(spec.environment().get("read_back"))) {
            err.println("quorumbench:   read-back " + spec.environment().get("read_back"));
        }
        for (Map.Entry<FaultClass, Mechanism> m : mechanisms.entrySet()) {
            err.printf("quorumbench:   %-24s %s (%s)%s%n", m.getKey(), m.getValue().name(), m.getValue().status().key(),
                    m.getValue().reason() == null ? "" : ": " + m.getValue().reason());
        }
        for (Map.Entry<FaultClass, String> skipped : spec.notApplicable().entrySet()) {
            err.printf("quorumbench:   %-24s not run: %s%n", skipped.getKey(), skipped.getValue());
        }
        CampaignRunner.Result result = runUntilInterrupted(runner, runDir, err);
        CampaignJson.write(spec.withFinishedAt(System.currentTimeMillis()));
        int verdict = AnalysisStep.analyze(runDir, runDir, ci, out);
        if (!result.completed()) {
            err.println("quorumbench run: " + result.error());
            err.println("quorumbench run: what was recorded is in " + runDir + " (see phase4.json, complete: false)");
            return ExitCode.HARNESS;
        }
        return verdict;
    }

    /** Runs the campaign with a shutdown hook that, on SIGINT, stops the fork and says where the data is. */
    static CampaignRunner.Result runUntilInterrupted(CampaignRunner runner, Path runDir, PrintStream err) {
        Thread interruptHook = new Thread(() -> onInterrupt(runDir, err), "quorumbench-interrupt");
        Runtime.getRuntime().addShutdownHook(interruptHook);
        try {
            return runner.run(line -> err.println("quorumbench " + line));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interruptHook);
            } catch (IllegalStateException shuttingDown) {
                // SIGINT arrived: the hook is already running and says where the recorded data is.
            }
        }
    }

    /** On SIGINT: stop the JMH fork (its shutdown hooks heal faults and stop nodes) and say where the data is. */
    static void onInterrupt(Path runDir, PrintStream err) {
        ProcessCleanup.stopDescendantsOnce();
        err.println("quorumbench: interrupted; what was recorded is in " + runDir
                + " (java -jar target/benchmarks.jar analyze " + runDir + ")");
    }

    private static boolean isEmptyDirectory(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static ObjectNode optionLayer(CommandLine cl) {
        ObjectNode layer = JSON.createObjectNode();
        if (cl.hasOption("faults")) {
            List<String> faults = new ArrayList<>();
            for (String f : cl.getOptionValue("faults").split(",")) {
                if (!f.isBlank()) {
                    faults.add(f.trim());
                }
            }
            layer.set("faults", JSON.valueToTree(faults));
        }
        putInt(layer, cl, "cycles", "cycles");
        putInt(layer, cl, "writes", "writes");
        putInt(layer, cl, "warmup-cycles", "warmup_cycles");
        putInt(layer, cl, "fire-after", "fire_after_write");
        putLong(layer, cl, "quorum-timeout-ms", "quorum_timeout_ms");
        putLong(layer, cl, "fault-window-ms", "fault_window_ms");
        putLong(layer, cl, "skew-ms", "skew_ms");
        putLong(layer, cl, "write-deadline-ms", "write_deadline_ms");
        putLong(layer, cl, "seed", "seed");
        if (cl.hasOption("target")) {
            layer.put("target", cl.getOptionValue("target"));
        }
        if (cl.hasOption("node-args")) {
            layer.set("node_args", JSON.valueToTree(splitArgs(cl.getOptionValue("node-args"))));
        }
        if (cl.hasOption("rate")) {
            layer.put("rate_per_s", number(cl, "rate"));
        }
        if (cl.hasOption("threshold") || cl.hasOption("replica-threshold")) {
            ObjectNode t = layer.putObject("thresholds");
            if (cl.hasOption("threshold")) {
                t.put("convergence_bound", fraction(cl, "threshold"));
            }
            if (cl.hasOption("replica-threshold")) {
                t.put("replica_convergence", fraction(cl, "replica-threshold"));
            }
        }
        if (cl.hasOption("ab-block") || cl.hasOption("ab-head-node-args") || cl.hasOption("ab-head-target")) {
            ObjectNode ab = layer.putObject("ab");
            putInt(ab, cl, "ab-block", "block_cycles");
            if (cl.hasOption("ab-head-node-args")) {
                ab.set("head_node_args", JSON.valueToTree(splitArgs(cl.getOptionValue("ab-head-node-args"))));
            }
            if (cl.hasOption("ab-head-target")) {
                ab.put("head_target", cl.getOptionValue("ab-head-target"));
            }
        }
        if (cl.hasOption("mechanism")) {
            ObjectNode m = layer.putObject("mechanism_overrides");
            for (String pair : cl.getOptionValues("mechanism")) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new InvalidInputException("--mechanism takes FAULT=NAME, got '" + pair + "'");
                }
                m.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return layer;
    }

    static List<String> splitArgs(String value) {
        return Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static void putInt(ObjectNode layer, CommandLine cl, String opt, String key) {
        if (cl.hasOption(opt)) {
            layer.put(key, (int) whole(cl, opt));
        }
    }

    private static void putLong(ObjectNode layer, CommandLine cl, String opt, String key) {
        if (cl.hasOption(opt)) {
            layer.put(key, whole(cl, opt));
        }
    }

    private static long whole(CommandLine cl, String opt) {
        String v = cl.getOptionValue(opt);
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--" + opt + " takes a whole number ≥ 0, got '" + v + "'");
        }
    }

    private static double number(CommandLine cl, String opt) {
        String v = cl.getOptionValue(opt);
        try {
            double d = Double.parseDouble(v.trim());
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--" + opt + " takes a positive number, got '" + v + "'");
        }
    }

    private static double fraction(CommandLine cl, String opt) {
        double d = number(cl, opt);
        if (d > 1) {
            throw new InvalidInputException("--" + opt + " takes a fraction in (0, 1], got '" + cl.getOptionValue(opt) + "'");
        }
        return d;
    }
}
