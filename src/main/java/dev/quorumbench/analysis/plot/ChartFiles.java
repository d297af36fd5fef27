package dev.quorumbench.analysis.plot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;

/**
 * Encodes a chart as PNG (XChart's BitmapEncoder) and SVG (XChart's VectorGraphicsEncoder, backed by
 * VectorGraphics2D, which XChart 3.8.8 already depends on) and writes both next to each other.
 *
 * @param png the PNG bytes
 * @param svg the SVG text, without its DOCTYPE
 */
public record ChartFiles(byte[] png, String svg) {

    /** Encodes {@code chart}; needs no display (run with java.awt.headless=true). */
    public static ChartFiles encode(XYChart chart) {
        try {
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return new ChartFiles(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG),
                    withoutDoctype(svg.toString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Drops the DOCTYPE VectorGraphics2D writes: it names the SVG 1.1 DTD by URL, so XML parsers that honour it
     * go to the network; SVG renderers do not need it.
     */
    static String withoutDoctype(String svg) {
        return svg.replaceFirst("<!DOCTYPE[^>]*>\\s*", "");
    }

    /** Writes {@code <dir>/<name>.png} and {@code <dir>/<name>.svg}. */
    public void write(Path dir, String name) throws IOException {
        Files.write(dir.resolve(name + ".png"), png);
        Files.writeString(dir.resolve(name + ".svg"), svg, StandardCharsets.UTF_8);
    }
}
