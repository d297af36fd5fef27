package dev.quorumbench.cli;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers JMH's own command-line flags and benchmark regexes, which people used to {@code java -jar benchmarks.jar}
 * type out of habit, with one line saying what the campaign does instead or how to pass them ({@code --jmh}).
 */
final class JmhFlagHint {

    /** Flags the campaign sets itself, with the quorumbench way of saying the same thing. */
    private static final Map<String, String> CAMPAIGN_SETS = Map.ofEntries(
            Map.entry("-f", "forks: one per fault class, chosen with --faults"),
            Map.entry("-i", "measurement iterations: one per cycle, use --cycles N"),
            Map.entry("-wi", "warm-up iterations: use --warmup-cycles N"),
            Map.entry("-bs", "batch size: one invocation per write, use --writes N"),
            Map.entry("-wbs", "warm-up batch size: one invocation per write, use --writes N"),
            Map.entry("-bm", "mode: the campaign is SingleShotTime, one iteration per cycle"),
            Map.entry("-rf", "result format: jmh-result.json (JSON) is always written in the run directory"),
            Map.entry("-rff", "result file: jmh-result.json is always written in the run directory"),
            Map.entry("-t", "threads: one writer per fault class (--rate N for an open loop)"),
            Map.entry("-tg", "thread groups: one writer per fault class"),
            Map.entry("-p", "parameters: use --faults for the fault classes"),
            Map.entry("-o", "output: JMH's output goes to runs/<id>/jmh.log, --verbose prints it"),
            Map.entry("-foe", "fail on error: the campaign always fails on error"),
            Map.entry("-e", "excludes: the campaign runs one benchmark"));

    /** Flags that make sense for a campaign and pass through {@code --jmh}. */
    private static final Set<String> PASS_THROUGH = Set.of("-prof", "-jvm", "-jvmArgs", "-jvmArgsPrepend", "-gc",
            "-tu", "-lprof", "-lrf", "-r", "-w", "-si", "-opi", "-wm", "-wf", "-wfi");

    /** A first argument that looks like a class name or a regex rather than a subcommand. */
    private static final Pattern BENCHMARK_REGEX = Pattern.compile(".*([.*^$\\[\\\\]|Benchmark).*");

    private JmhFlagHint() {
    }

    /** The hint for {@code run}'s arguments, if one of them is a JMH flag (pure). */
    static Optional<String> forRunArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--jmh")) {
                i++; // its value is JMH's to judge
                continue;
            }
            String flag = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (CAMPAIGN_SETS.containsKey(flag)) {
                return Optional.of(flag + " is a JMH option the campaign sets itself (" + CAMPAIGN_SETS.get(flag)
                        + "); other JMH options pass as --jmh \"…\", e.g. --jmh \"-prof gc\"");
            }
            if (PASS_THROUGH.contains(flag)) {
                String value = !a.contains("=") && i + 1 < args.length && !args[i + 1].startsWith("-")
                        ? " " + args[i + 1] : "";
                return Optional.of(flag + " is a JMH option: pass it as --jmh \"" + a + value + "\"");
            }
        }
        return Optional.empty();
    }

    /** The hint for a first argument that is no subcommand but looks like a JMH benchmark regex (pure). */
    static Optional<String> forFirstArg(String arg) {
        if (BENCHMARK_REGEX.matcher(arg).matches()) {
            return Optional.of("'" + arg + "' looks like a JMH benchmark regex: the campaign runs one benchmark ("
                    + "-l lists it) and --faults chooses its fault classes; JMH options pass as --jmh \"…\"");
        }
        return Optional.empty();
    }
}
