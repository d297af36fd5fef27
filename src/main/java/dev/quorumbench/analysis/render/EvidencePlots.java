package dev.quorumbench.analysis.render;

import dev.quorumbench.analysis.FaultData;
import dev.quorumbench.analysis.RunData;
import dev.quorumbench.analysis.plot.ChartFiles;
import dev.quorumbench.analysis.plot.Charts;
import dev.quorumbench.analysis.plot.Curve;
import dev.quorumbench.analysis.plot.PercentileCurve;
import dev.quorumbench.analysis.plot.Timeline;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/** Draws the plots of a report: one percentile plot per fault class and one timeline of the campaign. */
public final class EvidencePlots {

    private EvidencePlots() {
    }

    /** File name (without extension) of a fault class's percentile plot. */
    public static String percentileName(FaultClass fault) {
        return "percentile-" + fault.key();
    }

    public static final String TIMELINE = "timeline";

    /** Every plot of {@code evidence}, encoded; needs java.awt.headless=true on a machine without display. */
    public static List<Plot> draw(Evidence evidence) {
        RunData run = evidence.data();
        String id = run.campaign().campaignId();
        List<Plot> plots = new ArrayList<>();
        for (FaultData fd : run.faults().values()) {
            List<Curve> curves = new ArrayList<>();
            for (Outcome o : Outcome.values()) {
                Histogram h = fd.histograms().get(o);
                if (h != null && h.getTotalCount() > 0) {
                    curves.add(PercentileCurve.of(o.key() + " (" + h.getTotalCount() + ")", h));
                }
            }
            List<Curve> baseline = new ArrayList<>();
            String caption = "Latency of " + fd.fault() + " writes by percentile, one line per outcome";
            if (evidence.baseline() != null) {
                FaultData b = evidence.baseline().data().faults().get(fd.fault());
                Histogram h = b == null ? null : b.histograms().get(Outcome.OK);
                if (h != null && h.getTotalCount() > 0) {
                    String baseId = evidence.baseline().data().campaign().campaignId();
                    baseline.add(PercentileCurve.of("baseline " + baseId + " ok (" + h.getTotalCount() + ")", h));
                    caption += "; the baseline's acknowledged writes dashed";
                }
            }
            ChartFiles files = ChartFiles.encode(Charts.percentile(fd.fault() + ": write latency by percentile ("
                    + id + ")", curves, baseline));
            plots.add(new Plot(percentileName(fd.fault()), caption + ".", files));
        }
        long start = startEpochMs(run);
        List<Timeline> parts = new ArrayList<>();
        for (FaultData fd : run.faults().values()) {
            parts.add(Timeline.of(fd.fault().key(), fd.intervals(), fd.cycles(), start));
        }
        ChartFiles timeline = ChartFiles.encode(Charts.timeline("acknowledged-write latency per cycle over the campaign ("
                + id + ")", Timeline.merge(parts)));
        plots.add(new Plot(TIMELINE, "Per-cycle p99 (solid) and max (dotted) latency of acknowledged writes over the"
                + " campaign, from the .hlog intervals; shaded: the windows in which a fault was in place.", timeline));
        return plots;
    }

    /** The campaign start the .hlog intervals are measured from (campaign.json started_at_ms). */
    static long startEpochMs(RunData run) {
        return run.campaign().startedAtMs();
    }
}
