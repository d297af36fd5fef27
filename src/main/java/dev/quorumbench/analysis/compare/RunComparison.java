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
        return Comparison.of(load(baseDirs), load(headDirs), settings);
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

    private static List<RunSamples> load(List<Path> dirs) {
        List<RunSamples> runs = new ArrayList<>();
        for (Path dir : dirs) {
            // Comparison needs the merged histograms and the JSONL, not each interval: loading without them is lighter.
            RunData data = RunLoader.load(dir, false);
            runs.add(RunSamples.of(data, Phase4Analysis.analyze(data)));
        }
        return runs;
    }
}
