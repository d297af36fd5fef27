package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.analysis.RunFixture;
import dev.quorumbench.analysis.compare.CompareFixture;
import dev.quorumbench.run.FaultClass;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    static final List<String> PLOTS = List.of("percentile-kill_primary_mid_write", "percentile-partition_minority",
            "percentile-drop_random_acks", "percentile-clock_skew_peer", "timeline");

    @TempDir
    Path tmp;

    @Test
    void writesReleaseNotesPlotsAndASelfContainedPage() throws Exception {
        Path run = tmp.resolve("golden");
        RunFixture.golden(run);
        Path out = tmp.resolve("analysis/golden");
        CompareCommandTest.Result r = CompareCommandTest.run("report", run.toString(), "--out", out.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote 12 files to "), r.out());
        for (String p : PLOTS) {
            byte[] png = Files.readAllBytes(out.resolve(p + ".png"));
            assertNotNull(ImageIO.read(new ByteArrayInputStream(png)), p + ".png decodes");
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            assertEquals("svg", f.newDocumentBuilder().parse(out.resolve(p + ".svg").toFile())
                    .getDocumentElement().getNodeName(), p + ".svg parses as XML");
        }
        String notes = Files.readString(out.resolve("release-notes.md"));
        assertTrue(notes.contains("convergence_bound = Σ ok / Σ writes is an empirical convergence fraction under the"
                + " listed faults, not a loss probability"), notes);
        assertTrue(notes.contains("| clock_skew_peer | 30 | 30 | 0 | 0 |"), notes);
        assertTrue(notes.contains("| clock_skew_peer | **FAIL** | 1.0000 | 1.0000 | 0 |"), notes);
        assertTrue(notes.contains("![timeline](timeline.png)"), "relative image links by default: " + notes);
        assertTrue(notes.contains("recorded-only (simulated: libfaketime missing)"), notes);
        assertTrue(notes.contains("closed-loop: each write"), notes);
        assertFalse(notes.contains("Compared with baseline"), notes);
        String html = Files.readString(out.resolve("index.html"));
        assertFalse(html.contains("http://") || html.contains("https://"), "no network reference in index.html");
        Matcher refs = Pattern.compile("src\\s*=\\s*\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (refs.find()) {
            assertTrue(refs.group(1).startsWith("data:image/png;base64,"), "embedded: " + refs.group(1));
            images++;
        }
        assertEquals(PLOTS.size(), images);
        Matcher links = Pattern.compile("href\\s*=\\s*\"([^\"]*)\"").matcher(html);
        int anchors = 0;
        while (links.find()) {
            String target = links.group(1);
            assertTrue(target.startsWith("#") && html.contains("id=\"" + target.substring(1) + "\""),
                    "an anchor to a section of the page: " + target);
            anchors++;
        }
        assertEquals(6, anchors, "results, timings, plots, schedule, methodology, environment");
    }

    @Test
    void baselineAddsTheCompareTablesAndOverlays() throws Exception {
        List<FaultClass> faults = List.of(FaultClass.KILL_PRIMARY_MID_WRITE, FaultClass.DROP_RANDOM_ACKS);
        Path base = tmp.resolve("base");
        Path head = tmp.resolve("head");
        CompareFixture.run(base, "base", faults, 20, 20, 0, 1);
        CompareFixture.run(head, "head", faults, 20, 20, 5000, 2);
        Path out = tmp.resolve("out");
        CompareCommandTest.Result r = CompareCommandTest.run("report", head.toString(), "--baseline", base.toString(),
                "--out", out.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        String notes = Files.readString(out.resolve("release-notes.md"));
        assertTrue(notes.startsWith("# Phase-4 chaos campaign `head`: REGRESSION against `base`"), notes);
        assertTrue(notes.contains("## Compared with baseline `base`\n\n"), notes);
        assertTrue(notes.contains("| latency p99 (ms) |"), notes);
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<h2 id=\"baseline\">Compared with baseline <code>base</code></h2>"));
        assertTrue(html.contains("<a href=\"#baseline\">"), "the navigation links the comparison");
        assertTrue(html.contains("<strong>regressed</strong>"));
    }

    @Test
    void missingBaselineIsOneLineExitTwo() throws Exception {
        Path run = tmp.resolve("golden");
        RunFixture.golden(run);
        CompareCommandTest.Result r = CompareCommandTest.run("report", run.toString(), "--baseline",
                tmp.resolve("none").toString(), "--out", tmp.resolve("o").toString());
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void imageBaseUrlPrefixesTheImageLinksOfTheNotes() throws Exception {
        Path run = tmp.resolve("golden");
        RunFixture.golden(run);
        Path out = tmp.resolve("o");

        CompareCommandTest.Result r = CompareCommandTest.run("report", run.toString(), "--out", out.toString(),
                "--image-base-url", "https://github.com/o/r/releases/download/v1/");

        assertEquals(ExitCode.OK, r.code(), r.err());
        String notes = Files.readString(out.resolve("release-notes.md"));
        assertTrue(notes.contains("![timeline](https://github.com/o/r/releases/download/v1/timeline.png)"), notes);
        assertFalse(Files.readString(out.resolve("index.html")).contains("https://"), "the page stays offline");
    }

    @Test
    void anImageBaseThatIsNoAbsoluteUrlIsOneLineExitTwo() throws Exception {
        Path run = tmp.resolve("golden");
        RunFixture.golden(run);
        for (String bad : List.of("assets/", "ftp://x/y", "https://x/a b")) {
            CompareCommandTest.Result r = CompareCommandTest.run("report", run.toString(), "--out",
                    tmp.resolve("o").toString(), "--image-base-url", bad);
            assertEquals(ExitCode.USAGE, r.code(), bad);
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("--image-base-url wants an absolute http(s) URL"), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("o")), "nothing written");
    }
}
