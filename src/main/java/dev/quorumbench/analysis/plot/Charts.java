package dev.quorumbench.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Builds the XChart charts of a report: the percentile plot of a fault class and the campaign timeline. */
public final class Charts {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 500;
    public static final int TIMELINE_WIDTH = 1100;
    /** Above this max/min ratio a percentile plot uses a logarithmic y axis. */
    static final double LOG_Y_SPAN = 100;

    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44), new Color(148, 103, 189),
        new Color(255, 127, 14), new Color(140, 86, 75)};
    private static final Color BASELINE = new Color(110, 110, 110);
    private static final Color WINDOW = new Color(255, 165, 0, 45);

    private Charts() {
    }

    /**
     * A percentile plot: y latency in ms against percentile on the 1/(1 − p) axis; {@code baseline} curves are
     * drawn dashed and grey under the head curves.
     */
    public static XYChart percentile(String title, List<Curve> curves, List<Curve> baseline) {
        double maxPosition = 1;
        double low = Double.MAX_VALUE;
        double high = 0;
        for (Curve c : java.util.stream.Stream.concat(curves.stream(), baseline.stream()).toList()) {
            for (double x : c.x()) {
                maxPosition = Math.max(maxPosition, x);
            }
            for (double y : c.y()) {
                low = Math.min(low, y);
                high = Math.max(high, y);
            }
        }
        boolean logY = low > 0 && high / low > LOG_Y_SPAN;
        XYChart chart = base(title, "percentile", logY ? "latency (ms, log scale)" : "latency (ms)", Charts.WIDTH);
        if (logY) {
            // Outcomes differ by orders of magnitude (a 2 s quorum timeout next to 2 ms acks): a linear axis would
            // flatten the acknowledged writes into the x axis.
            chart.getStyler().setYAxisMin(null);
            chart.getStyler().setYAxisLogarithmic(true);
        }
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(maxPosition);
        chart.setCustomXAxisTickLabelsFormatter(PercentileAxis::label);
        int color = 0;
        for (Curve c : baseline) {
            if (!c.isEmpty()) {
                XYSeries s = line(chart, c, BASELINE);
                s.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        for (Curve c : curves) {
            if (!c.isEmpty()) {
                line(chart, c, PALETTE[color++ % PALETTE.length]);
            }
        }
        return chart;
    }

    /** The campaign timeline: per fault p99 (solid) and max (dotted) latency, fault windows shaded. */
    public static XYChart timeline(String title, Timeline timeline) {
        XYChart chart = base(title, "time since campaign start (s)", "latency of acknowledged writes (ms)",
                TIMELINE_WIDTH);
        // Two series per fault class do not fit in one legend row under the plot.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        double top = 0;
        double left = Double.MAX_VALUE;
        double right = -Double.MAX_VALUE;
        for (Curve c : timeline.max()) {
            for (double v : c.y()) {
                top = Math.max(top, v);
            }
            for (double v : c.x()) {
                left = Math.min(left, v);
                right = Math.max(right, v);
            }
        }
        for (FaultWindow w : timeline.windows()) {
            left = Math.min(left, w.startSec());
            right = Math.max(right, w.endSec());
        }
        if (!timeline.windows().isEmpty()) {
            double span = right > left ? right - left : 1;
            Curve shade = Timeline.shading(timeline.windows(), top > 0 ? top * 1.05 : 1, span / 2000);
            XYSeries s = chart.addSeries(shade.name(), shade.x(), shade.y());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            s.setMarker(SeriesMarkers.NONE);
            s.setFillColor(WINDOW);
            s.setLineColor(WINDOW);
            s.setLineWidth(0.5f);
        }
        for (int i = 0; i < timeline.p99().size(); i++) {
            Color color = PALETTE[i % PALETTE.length];
            Curve p99 = timeline.p99().get(i);
            Curve max = timeline.max().get(i);
            if (!max.isEmpty()) {
                XYSeries m = line(chart, max, color.brighter());
                m.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {2f, 3f}, 0f));
            }
            if (!p99.isEmpty()) {
                line(chart, p99, color);
            }
        }
        return chart;
    }

    private static XYChart base(String title, String xTitle, String yTitle, int width) {
        XYChart chart = new XYChartBuilder().width(width).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setAntiAlias(true);
        return chart;
    }

    private static XYSeries line(XYChart chart, Curve c, Color color) {
        XYSeries s = chart.addSeries(c.name(), c.x(), c.y());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineWidth(1.6f);
        return s;
    }
}
