package dev.quorumbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.analysis.compare.CompareFixture;
import dev.quorumbench.host.CommandResult;
import dev.quorumbench.host.LocalHost;
import dev.quorumbench.run.FaultClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * index.html in a real browser: headless Chromium with every host name unresolvable and a dead proxy (no network)
 * loads a copy of the page with a probe script appended, which reports each section, image and in-page anchor as
 * the browser laid them out. Skipped, with the reason printed, where Chromium is not installed.
 */
@Tag("process")
class HtmlPageBrowserTest {

    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final String SECTIONS = "results,timings,plots,schedule,methodology,environment,baseline";

    /**
     * Runs in the page after load: a section counts when its heading is rendered with a height, an image when it
     * decoded (naturalWidth) and is laid out, an anchor when its target exists. The verdict goes into the DOM,
     * which --dump-dom prints.
     */
    static final String PROBE = """
            <script>
            window.addEventListener('load', () => {
              const out = [];
              for (const id of '%s'.split(',')) {
                const el = document.getElementById(id);
                out.push('section:' + id + '=' + (el && el.getBoundingClientRect().height > 0 ? 'shown' : 'missing'));
              }
              document.querySelectorAll('img').forEach((img, i) => out.push('image:' + i + '='
                  + (img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().width > 0 ? 'shown'
                  : 'broken')));
              document.querySelectorAll('a[href]').forEach(a => {
                const h = a.getAttribute('href');
                out.push('anchor:' + h + '=' + (h.startsWith('#') && document.getElementById(h.slice(1))
                    ? 'ok' : 'dangling'));
              });
              const pre = document.createElement('pre');
              pre.id = 'qb-probe';
              const mark = 'QB' + 'PROBE'; // split, so the script's own text never matches
              pre.textContent = mark + '[' + out.join(';') + ']' + mark;
              document.body.appendChild(pre);
            });
            </script>
            """.formatted(SECTIONS);

    @TempDir
    Path tmp;

    @Test
    @Timeout(180)
    void chromiumShowsEverySectionAndImageOfflineAndEveryAnchorLeadsToASection() throws Exception {
        Optional<String> browser = browser();
        if (browser.isEmpty()) {
            System.out.println("HtmlPageBrowserTest skipped: no chromium on PATH (Debian: apt-get install chromium)");
        }
        Assumptions.assumeTrue(browser.isPresent(), "no chromium on PATH (Debian: apt-get install chromium)");
        List<FaultClass> faults = List.of(FaultClass.KILL_PRIMARY_MID_WRITE, FaultClass.DROP_RANDOM_ACKS);
        Path base = tmp.resolve("base");
        Path head = tmp.resolve("head");
        CompareFixture.run(base, "base", faults, 20, 20, 0, 1);
        CompareFixture.run(head, "head", faults, 20, 20, 5000, 2);
        Path out = tmp.resolve("report");
        CompareCommandTest.Result r = CompareCommandTest.run("report", head.toString(), "--baseline", base.toString(),
                "--out", out.toString());
        assertEquals(ExitCode.OK, r.code(), r.err());
        String html = Files.readString(out.resolve("index.html"));
        Path probed = tmp.resolve("probed.html");
        Files.writeString(probed, html.replace("</body>", PROBE + "</body>"));

        String result = probe(browser.get(), probed);

        List<String> items = List.of(result.split(";"));
        for (String id : SECTIONS.split(",")) {
            assertTrue(items.contains("section:" + id + "=shown"), id + " in " + result);
        }
        long images = items.stream().filter(i -> i.startsWith("image:")).count();
        assertEquals(3, images, "two percentile plots and the timeline: " + result);
        assertTrue(items.stream().filter(i -> i.startsWith("image:")).allMatch(i -> i.endsWith("=shown")), result);
        assertEquals(7, items.stream().filter(i -> i.startsWith("anchor:") && i.endsWith("=ok")).count(), result);
        assertTrue(items.stream().noneMatch(i -> i.endsWith("=dangling") || i.endsWith("=missing")), result);
    }

    @Test
    @Timeout(120)
    void theProbeSeesABrokenImageAndAMissingSection() throws Exception {
        // The control: a page whose image cannot load (it would need the network) and that lacks the sections.
        Optional<String> browser = browser();
        Assumptions.assumeTrue(browser.isPresent(), "no chromium on PATH (Debian: apt-get install chromium)");
        Path page = tmp.resolve("broken.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><h2 id=\"results\">Results</h2>"
                + "<img src=\"https://example.com/p.png\"><a href=\"#nowhere\">x</a>" + PROBE + "</body></html>");

        String result = probe(browser.get(), page);

        assertTrue(result.contains("section:results=shown"), result);
        assertTrue(result.contains("section:plots=missing"), result);
        assertTrue(result.contains("image:0=broken"), "no network, so the remote image stays broken: " + result);
        assertTrue(result.contains("anchor:#nowhere=dangling"), result);
    }

    /** Loads the page in headless Chromium without network and returns the probe's findings. */
    private String probe(String browser, Path page) throws Exception {
        Path profile = Files.createDirectories(tmp.resolve("profile"));
        CommandResult r = LocalHost.get().run(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + profile, "--host-resolver-rules=MAP * ~NOTFOUND",
                "--proxy-server=127.0.0.1:9", "--virtual-time-budget=5000", "--window-size=1200,900", "--dump-dom",
                page.toUri().toString()), null, 90_000);
        Matcher m = Pattern.compile("QBPROBE\\[(.*?)]QBPROBE").matcher(r.output());
        assertTrue(m.find(), "the probe ran (exit " + r.exit() + "): " + tail(r.output()));
        return m.group(1);
    }

    private static Optional<String> browser() {
        for (String b : BROWSERS) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, b))) {
                    return Optional.of(Path.of(dir, b).toString());
                }
            }
        }
        return Optional.empty();
    }

    private static String tail(String s) {
        return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    }
}
