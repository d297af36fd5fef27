package dev.quorumbench.analysis.plot;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/** Turns a latency histogram (microseconds) into the points of a percentile plot (axis position, milliseconds). */
public final class PercentileCurve {

    /** Same resolution as HdrHistogram's own percentile distribution output. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private PercentileCurve() {
    }

    /**
     * The curve of {@code micros} named {@code name}, walking its percentiles as
     * {@code Histogram.outputPercentileDistribution} does up to {@link PercentileAxis#maxPosition} of its count,
     * where it reaches the max; empty when the histogram is.
     */
    public static Curve of(String name, Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Curve(name, new double[0], new double[0]);
        }
        double maxPosition = PercentileAxis.maxPosition(micros.getTotalCount());
        List<double[]> points = new ArrayList<>();
        for (HistogramIterationValue v : micros.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double x = PercentileAxis.position(v.getPercentileLevelIteratedTo() / 100.0, maxPosition);
            double y = v.getValueIteratedTo() / 1000.0;
            points.add(new double[] {x, y});
            if (x >= maxPosition) {
                break;
            }
        }
        double[] last = points.get(points.size() - 1);
        double max = micros.getMaxValue() / 1000.0;
        if (last[0] < maxPosition || last[1] < max) {
            points.add(new double[] {maxPosition, max});
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new Curve(name, x, y);
    }
}
