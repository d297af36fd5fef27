package dev.quorumbench.analysis.render;

import dev.quorumbench.analysis.Phase4Analysis;
import dev.quorumbench.analysis.Phase4Report;
import dev.quorumbench.analysis.RunData;
import dev.quorumbench.analysis.RunLoader;
import dev.quorumbench.analysis.compare.CompareSettings;
import dev.quorumbench.analysis.compare.Comparison;
import dev.quorumbench.analysis.compare.RunComparison;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads a run (and a baseline), draws the plots and writes release-notes.md, the PNG/SVG plots and index.html. */
public final class EvidenceReport {

    private EvidenceReport() {
    }

    /** Loads and analyzes {@code runDir} and, when not null, {@code baselineDir} compared with it. */
    public static Evidence load(Path runDir, Path baselineDir, CompareSettings settings) {
        RunData data = RunLoader.load(runDir);
        Phase4Report report = Phase4Analysis.analyze(data);
        Evidence.Baseline baseline = null;
        if (baselineDir != null) {
            // The baseline is overlaid from its merged histograms; its intervals (timeline only) are not needed.
            RunData b = RunLoader.load(baselineDir, false);
            Phase4Report br = Phase4Analysis.analyze(b);
            Comparison c = RunComparison.compare(b, br, data, report, settings);
            baseline = new Evidence.Baseline(b, br, c);
        }
        return new Evidence(data, report, baseline);
    }

    /** Writes every file of the report into {@code outDir} (created if needed) and returns their paths. */
    public static List<Path> write(Evidence evidence, Path outDir) throws IOException {
        return write(evidence, outDir, null);
    }

    /** As {@link #write(Evidence, Path)}, with the notes' image links under {@code imageBaseUrl} (null: relative). */
    public static List<Path> write(Evidence evidence, Path outDir, String imageBaseUrl) throws IOException {
        Files.createDirectories(outDir);
        List<Plot> plots = EvidencePlots.draw(evidence);
        List<Path> written = new ArrayList<>();
        written.add(text(outDir.resolve(ReleaseNotes.FILE), ReleaseNotes.render(evidence, plots, imageBaseUrl)));
        for (Plot p : plots) {
            p.files().write(outDir, p.name());
            written.add(outDir.resolve(p.name() + ".png"));
            written.add(outDir.resolve(p.name() + ".svg"));
        }
        written.add(text(outDir.resolve(HtmlPage.FILE), HtmlPage.render(evidence, plots)));
        return written;
    }

    private static Path text(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
