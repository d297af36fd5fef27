package dev.quorumbench.analysis.compare;

import dev.quorumbench.analysis.Phase4Analysis;
import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.analysis.RunData;
import dev.quorumbench.analysis.RunLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads run directories, analyzes each as {@code analyze} does, checks they compare, and compares them. */
public final class RunComparison {

    private RunComparison() {
    }

    /** The comparison of the head runs against the base runs; bad or incompatible input is an InvalidInputException. */
    public static Comparison compare(List<Path> baseDirs, List<Path> headDirs, CompareSettings settings) {
        List<RunData> base = load(baseDirs);
        List<RunData> head = load(headDirs);
        return Comparison.of(samples(base), samples(head), settings.blockCycles() > 0 ? settings
                : settings.withBlockCycles(interleavedBlock(base, head)));
    }

    /**
     * The arms of one interleaved campaign (one run a side, base and head of the same campaign and block size) are
     * compared on that campaign's blocks, as the run itself compared them; anything else on the usual split (0).
     */
    static int interleavedBlock(List<RunData> base, List<RunData> head) {
        if (base.size() != 1 || head.size() != 1) {
            return 0;
        }
        dev.quorumbench.run.Interleaving b = base.get(0).campaign().interleaving();
        dev.quorumbench.run.Interleaving h = head.get(0).campaign().interleaving();
        return b != null && h != null && b.blockCycles() == h.blockCycles() && !b.arm().equals(h.arm())
                && campaignOf(base.get(0).campaign(), b).equals(campaignOf(head.get(0).campaign(), h))
                ? b.blockCycles() : 0;
    }

    /**
     * The interleaved campaign an arm ran in: its id without the {@code -<arm>} the run gave it (an id without that
     * suffix names no campaign). Arms of two campaigns did not share forks, so their blocks are not the interleaving
     * compare's note claims.
     */
    private static String campaignOf(dev.quorumbench.run.CampaignSpec arm, dev.quorumbench.run.Interleaving where) {
        String id = arm.campaignId() == null ? "" : arm.campaignId();
        String suffix = "-" + where.arm();
        return id.endsWith(suffix) ? id.substring(0, id.length() - suffix.length()) : "\0" + id;
    }

    /** The comparison of {@code headDir} against {@code baseDir}. */
    public static Comparison compare(Path baseDir, Path headDir, CompareSettings settings) {
        return compare(List.of(baseDir), List.of(headDir), settings);
    }

    /** The comparison of one already loaded and analyzed run with another (pure). */
    public static Comparison compare(RunData baseData, Phase4Report base, RunData headData, Phase4Report head,
            CompareSettings settings) {
        return Comparison.of(List.of(RunSamples.of(baseData, base)), List.of(RunSamples.of(headData, head)), settings);
    }

    private static List<RunData> load(List<Path> dirs) {
        List<RunData> runs = new ArrayList<>();
        for (Path dir : dirs) {
            // Comparison needs the merged histograms and the JSONL, not each interval: loading without them is lighter.
            runs.add(RunLoader.load(dir, false));
        }
        return runs;
    }

    private static List<RunSamples> samples(List<RunData> runs) {
        return runs.stream().map(d -> RunSamples.of(d, Phase4Analysis.analyze(d))).toList();
    }
}
