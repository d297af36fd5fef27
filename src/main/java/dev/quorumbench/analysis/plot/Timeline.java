package dev.quorumbench.analysis.plot;

import dev.quorumbench.analysis.LatencyInterval;
import dev.quorumbench.run.CycleRecord;
import dev.quorumbench.run.FaultEvent;
import dev.quorumbench.run.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * The data of a campaign timeline: per fault class the p99 and max latency of acknowledged writes per interval
 * of the {@code .hlog} (one interval per cycle), and the windows in which the fault was in place.
 *
 * @param p99     one curve per fault class: x seconds since campaign start, y p99 latency ms
 * @param max     one curve per fault class: x seconds since campaign start, y max latency ms
 * @param windows every fault window that took effect
 */
public record Timeline(List<Curve> p99, List<Curve> max, List<FaultWindow> windows) {

    public Timeline {
        p99 = List.copyOf(p99);
        max = List.copyOf(max);
        windows = List.copyOf(windows);
    }

    /** Builds the timeline of one fault class; {@link #merge} joins classes. */
    public static Timeline of(String fault, List<LatencyInterval> intervals, List<CycleRecord> cycles,
            long campaignStartEpochMs) {
        List<LatencyInterval> ok = intervals.stream().filter(i -> i.outcome() == Outcome.OK
                && i.histogram().getTotalCount() > 0).toList();
        double[] x = new double[ok.size()];
        double[] p99 = new double[ok.size()];
        double[] max = new double[ok.size()];
        for (int i = 0; i < ok.size(); i++) {
            LatencyInterval in = ok.get(i);
            x[i] = in.startSec();
            p99[i] = in.histogram().getValueAtPercentile(99.0) / 1000.0;
            max[i] = in.histogram().getMaxValue() / 1000.0;
        }
        List<FaultWindow> windows = new ArrayList<>();
        for (CycleRecord c : cycles) {
            FaultEvent e = c.faultEvent();
            // start_ms 0 means the fault never took effect: nothing to shade.
            if (e != null && e.startMs() > 0 && e.endMs() >= e.startMs()) {
                windows.add(new FaultWindow(fault, (e.startMs() - campaignStartEpochMs) / 1000.0,
                        (e.endMs() - campaignStartEpochMs) / 1000.0));
            }
        }
        return new Timeline(List.of(new Curve(fault + " p99", x, p99)), List.of(new Curve(fault + " max", x, max)),
                windows);
    }

    /** The timelines of several fault classes on one axis. */
    public static Timeline merge(List<Timeline> parts) {
        List<Curve> p99 = new ArrayList<>();
        List<Curve> max = new ArrayList<>();
        List<FaultWindow> windows = new ArrayList<>();
        for (Timeline t : parts) {
            p99.addAll(t.p99);
            max.addAll(t.max);
            windows.addAll(t.windows);
        }
        return new Timeline(p99, max, windows);
    }

    /**
     * The shading of the windows as one area curve that rises to {@code height} inside each window and is 0
     * outside; windows narrower than {@code minWidth} are widened so they stay visible, and overlapping windows
     * are joined because XChart draws an area only over ascending x.
     */
    public static Curve shading(List<FaultWindow> windows, double height, double minWidth) {
        List<double[]> spans = new ArrayList<>();
        windows.stream().sorted(java.util.Comparator.comparingDouble(FaultWindow::startSec)).forEach(w -> {
            double start = w.startSec();
            double end = Math.max(w.endSec(), start + minWidth);
            double[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && start <= last[1]) {
                last[1] = Math.max(last[1], end);
            } else {
                spans.add(new double[] {start, end});
            }
        });
        double[] x = new double[spans.size() * 4];
        double[] y = new double[spans.size() * 4];
        int i = 0;
        for (double[] span : spans) {
            x[i] = span[0];
            y[i++] = 0;
            x[i] = span[0];
            y[i++] = height;
            x[i] = span[1];
            y[i++] = height;
            x[i] = span[1];
            y[i++] = 0;
        }
        return new Curve("fault window", x, y);
    }
}
