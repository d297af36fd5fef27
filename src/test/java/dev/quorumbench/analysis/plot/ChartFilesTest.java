package dev.quorumbench.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ChartFilesTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void percentilePlotEncodesAsPngAndWellFormedSvg() throws Exception {
        Histogram ok = new Histogram(60_000_000L, 3);
        Histogram base = new Histogram(60_000_000L, 3);
        for (int i = 1; i <= 2000; i++) {
            ok.recordValue(500 + i * 7L);
            base.recordValue(400 + i * 5L);
        }
        ChartFiles files = ChartFiles.encode(Charts.percentile("kill_primary_mid_write",
                List.of(PercentileCurve.of("ok", ok)), List.of(PercentileCurve.of("baseline ok", base))));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(files.png()));
        assertNotNull(png, "PNG decodes");
        assertEquals(Charts.WIDTH, png.getWidth());
        assertFalse(files.svg().contains("<!DOCTYPE"));
        Document svg = parse(files.svg());
        assertEquals("svg", svg.getDocumentElement().getNodeName());
    }

    @Test
    void timelineEncodesWithShadedWindows() throws Exception {
        Timeline t = new Timeline(List.of(new Curve("a p99", new double[] {1, 2, 3}, new double[] {2, 9, 2})),
                List.of(new Curve("a max", new double[] {1, 2, 3}, new double[] {3, 20, 3})),
                List.of(new FaultWindow("a", 1.8, 2.3)));
        ChartFiles files = ChartFiles.encode(Charts.timeline("campaign", t));
        assertNotNull(ImageIO.read(new ByteArrayInputStream(files.png())));
        assertEquals("svg", parse(files.svg()).getDocumentElement().getNodeName());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // Refuse any DTD, so the test also proves the SVG needs nothing from the network.
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
