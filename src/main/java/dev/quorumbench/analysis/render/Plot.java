package dev.quorumbench.analysis.render;

import dev.quorumbench.analysis.plot.ChartFiles;

/**
 * One encoded plot of a report.
 *
 * @param name    file name without extension (".png" and ".svg" are added)
 * @param caption one sentence saying what the plot shows
 * @param files   the encoded PNG and SVG
 */
public record Plot(String name, String caption, ChartFiles files) {
}
