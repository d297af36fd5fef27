package dev.quorumbench.analysis.compare;

import dev.quorumbench.analysis.Phase4Analysis;
import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.analysis.RunData;
import dev.quorumbench.analysis.RunLoader;
import java.nio.file.Path;

/** Loads two run directories, analyzes each as {@code analyze} does, checks they compare, and compares them. */
public final class RunComparison {

    private RunComparison() {
    }

    /** The comparison of {@code headDir} against {@code baseDir}; bad or incompatible input is an InvalidInputException. */
    public static Comparison compare(Path baseDir, Path headDir, CompareSettings settings) {
        // Comparison needs the merged histograms and the JSONL, not each interval: loading without them is lighter.
        RunData baseData = RunLoader.load(baseDir, false);
        RunData headData = RunLoader.load(headDir, false);
        return compare(baseData, Phase4Analysis.analyze(baseData), headData, Phase4Analysis.analyze(headData),
                settings);
    }

    /** The comparison of already loaded and analyzed runs (pure). */
    public static Comparison compare(RunData baseData, Phase4Report base, RunData headData, Phase4Report head,
            CompareSettings settings) {
        Compatibility.check(base, head);
        RunSamples b = RunSamples.of(baseData, base);
        RunSamples h = RunSamples.of(headData, head);
        return Comparison.of(b.header(), b.faults(), h.header(), h.faults(), settings);
    }
}
