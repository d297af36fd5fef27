/**
 * Plots of a run drawn with XChart: the HdrHistogram-style percentile plot (x at log10(1/(1 − p)), labelled 0%,
 * 90%, 99%, 99.9% …) and the campaign timeline of per-cycle latency with fault windows shaded.
 *
 * <p>{@link dev.quorumbench.analysis.plot.PercentileCurve} and {@link dev.quorumbench.analysis.plot.Timeline} turn
 * histograms and records into plain curves (pure, tested with literal data); {@link
 * dev.quorumbench.analysis.plot.Charts} styles them; {@link dev.quorumbench.analysis.plot.ChartFiles} encodes PNG
 * and SVG. Drawing needs {@code java.awt.headless=true} where there is no display.
 */
package dev.quorumbench.analysis.plot;
