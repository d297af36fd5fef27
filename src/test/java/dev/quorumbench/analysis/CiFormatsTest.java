package dev.quorumbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorumbench.analysis.ci.BencherMetrics;
import dev.quorumbench.analysis.ci.BenchmarkActionEntries;
import dev.quorumbench.analysis.ci.JunitReport;
import dev.quorumbench.analysis.ci.JunitXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The CI formats sealed by golden files and checked against what their consumers read: JUnit XML against the
 * reporters' schema (src/test/resources/schema/junit.xsd) and the attributes they show, BMF and
 * github-action-benchmark JSON against their documented shapes.
 */
class CiFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Phase4Report golden() throws IOException {
        RunFixture.golden(dir);
        return Phase4Analysis.analyze(RunLoader.load(dir));
    }

    @Test
    void junitXmlMatchesGoldenAndTheReportersSchema() throws Exception {
        String xml = JunitXml.render(JunitReport.of(golden()));

        Golden.assertMatches("junit.xml", xml);
        validate(xml);
    }

    @Test
    void junitXmlHasATestCasePerFaultClassFailedWithItsReasons() throws Exception {
        Document d = parse(JunitXml.render(JunitReport.of(golden())));

        Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
        NodeList cases = suite.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            names.add(c.getAttribute("name"));
            assertEquals(JunitReport.CLASS_NAME, c.getAttribute("classname"));
            NodeList f = c.getElementsByTagName("failure");
            if (f.getLength() > 0) {
                failed.add(c.getAttribute("name") + ": " + ((Element) f.item(0)).getAttribute("message"));
            }
        }
        assertEquals(List.of("kill_primary_mid_write", "partition_minority", "drop_random_acks", "clock_skew_peer",
                "run"), names);
        assertEquals(List.of(
                "kill_primary_mid_write: kill_primary_mid_write: convergence_bound 0.966667 < 0.995",
                "partition_minority: partition_minority: replica_convergence 0.966667 < 0.99 (+2 more)",
                "clock_skew_peer: clock_skew_peer: mechanism recorded-only simulated (libfaketime missing): fault not "
                        + "really injected (+1 more)"), failed);
        assertEquals("5", suite.getAttribute("tests"));
        assertEquals("3", suite.getAttribute("failures"), "the counts reporters show agree with the cases");
        assertTrue(((Element) suite.getElementsByTagName("failure").item(1)).getTextContent()
                .contains("partition_minority: lost_acknowledged 1 > 0"), "every reason is in the failure's text");
    }

    /**
     * An interleaved campaign's comparison: drop_random_acks p50 +3 ms in every cycle (regressed, gated), its p99
     * noisy (inconclusive, outside a gate of convergence, lost, counts and p50), partition_minority's convergence
     * moving both ways (inconclusive, gated).
     */
    static dev.quorumbench.analysis.compare.Comparison interleavedComparison() {
        double[] p50 = {3.1, 3.0, 3.3, 2.9, 3.2, 3.0, 3.4, 3.1, 2.8, 3.2, 3.0, 3.1};
        double[] p50Head = p50.clone();
        double[] p99 = {9.5, 8.7, 11.2, 9.9, 10.4, 8.9, 12.1, 9.6, 10.0, 9.1, 10.8, 9.4};
        double[] p99Head = p99.clone();
        for (int i = 0; i < 12; i++) {
            p50Head[i] += 3;
            p99Head[i] += i % 2 == 0 ? 9 : -6;
        }
        double[] ok = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        double[] okHead = {0.9, 1, 1, 1, 0.9, 1, 1, 1, 1, 0.9, 1, 1};
        var drop = new java.util.EnumMap<dev.quorumbench.analysis.compare.Metric,
                dev.quorumbench.analysis.compare.MetricSamples>(dev.quorumbench.analysis.compare.Metric.class);
        var dropHead = new java.util.EnumMap<>(drop);
        drop.put(dev.quorumbench.analysis.compare.Metric.LATENCY_P50, samples(3.1, p50));
        dropHead.put(dev.quorumbench.analysis.compare.Metric.LATENCY_P50, samples(6.1, p50Head));
        drop.put(dev.quorumbench.analysis.compare.Metric.LATENCY_P99, samples(10.4, p99));
        dropHead.put(dev.quorumbench.analysis.compare.Metric.LATENCY_P99, samples(13.0, p99Head));
        var part = new java.util.EnumMap<>(drop);
        part.clear();
        var partHead = new java.util.EnumMap<>(part);
        part.put(dev.quorumbench.analysis.compare.Metric.CONVERGENCE_BOUND, samples(1, ok));
        partHead.put(dev.quorumbench.analysis.compare.Metric.CONVERGENCE_BOUND, samples(0.975, okHead));
        var h = new dev.quorumbench.analysis.compare.RunHeader("ab-base", "closed-loop", 12, 30, true,
                Map.of("target", "reference"));
        var settings = dev.quorumbench.analysis.compare.CompareSettings.defaults().withBlockCycles(1).withGated(
                dev.quorumbench.analysis.compare.GateMetrics.parse("convergence,lost,counts,latency_p50,time", "-"));
        return dev.quorumbench.analysis.compare.Comparison.of(h,
                List.of(new dev.quorumbench.analysis.compare.FaultSamples(
                        dev.quorumbench.run.FaultClass.PARTITION_MINORITY, part),
                        new dev.quorumbench.analysis.compare.FaultSamples(
                                dev.quorumbench.run.FaultClass.DROP_RANDOM_ACKS, drop)), h,
                List.of(new dev.quorumbench.analysis.compare.FaultSamples(
                        dev.quorumbench.run.FaultClass.PARTITION_MINORITY, partHead),
                        new dev.quorumbench.analysis.compare.FaultSamples(
                                dev.quorumbench.run.FaultClass.DROP_RANDOM_ACKS, dropHead)), settings);
    }

    private static dev.quorumbench.analysis.compare.MetricSamples samples(double aggregate, double[] values) {
        return new dev.quorumbench.analysis.compare.MetricSamples(aggregate, values);
    }

    @Test
    void interleavedJunitHasBothArmsAndTheGateAndMatchesTheSchema() throws Exception {
        Phase4Report arm = golden();
        var c = interleavedComparison();
        String strict = JunitXml.render(JunitReport.ofInterleaved("ab", arm, arm, c, true));
        Golden.assertMatches("junit-interleaved.xml", strict);
        validate(strict);
        Map<String, String> lenient = failures(JunitXml.render(JunitReport.ofInterleaved("ab", arm, arm, c, false)));
        Map<String, String> strictFailures = failures(strict);
        // The regressed p50 fails its class under either gate; the gated inconclusive convergence only under strict;
        // the p99 outside the gate never.
        assertTrue(lenient.get("compare.drop_random_acks").startsWith("regressed: drop_random_acks, latency p50: "),
                lenient.toString());
        assertTrue(!lenient.containsKey("compare.partition_minority"), lenient.toString());
        assertTrue(strictFailures.get("compare.partition_minority")
                .startsWith("inconclusive: partition_minority, convergence bound: "), strictFailures.toString());
        assertTrue(!strictFailures.get("compare.drop_random_acks").contains("p99"), strictFailures.toString());
        assertTrue(strictFailures.containsKey("base.kill_primary_mid_write")
                && strictFailures.containsKey("head.kill_primary_mid_write"), "both arms' criteria are cases");
        // Interrupted before the comparison: both arms still, and the compare case fails under either gate.
        String interrupted = JunitXml.render(JunitReport.ofInterleaved("ab", arm, arm, null, false));
        validate(interrupted);
        Map<String, String> notCompared = failures(interrupted);
        assertEquals(JunitReport.NOT_COMPARED, notCompared.get("compare"), notCompared.toString());
        assertTrue(notCompared.containsKey("base.kill_primary_mid_write"), notCompared.toString());
    }

    /** Test case name → its failure message, for the failed cases of a JUnit document. */
    private static Map<String, String> failures(String xml) throws Exception {
        Map<String, String> failed = new java.util.LinkedHashMap<>();
        NodeList cases = parse(xml).getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            NodeList f = c.getElementsByTagName("failure");
            if (f.getLength() > 0) {
                failed.put(c.getAttribute("name"), ((Element) f.item(0)).getAttribute("message"));
            }
        }
        return failed;
    }

    @Test
    void runLevelReasonsFailTheRunCaseAndMarkupInAReasonIsEscaped() throws Exception {
        JunitReport r = new JunitReport("quorumbench.x", List.of(new JunitReport.Property("a&b", "<\"v\">")),
                List.of(new JunitReport.Case("kill_primary_mid_write", List.of()),
                        new JunitReport.Case("run", List.of("incomplete: <jmh-result.json> & \"more\""))));

        String xml = JunitXml.render(r);

        validate(xml);
        Element failure = (Element) parse(xml).getElementsByTagName("failure").item(0);
        assertEquals("incomplete: <jmh-result.json> & \"more\"", failure.getAttribute("message"));
    }

    @Test
    void theSchemaRejectsWhatReportersCannotRead() {
        // The control: the schema check can fail.
        assertThrows(SAXException.class, () -> validate("<testsuites><testsuite tests=\"1\"><testcase/></testsuite>"
                + "</testsuites>"));
    }

    @Test
    void bencherMetricFormatMatchesGoldenAndItsShape() throws Exception {
        String bmf = BencherMetrics.of(golden()).render();

        Golden.assertMatches("bmf.json", bmf);
        JsonNode root = JSON.readTree(bmf);
        assertEquals(List.of("kill_primary_mid_write", "partition_minority", "drop_random_acks", "clock_skew_peer"),
                names(root));
        for (JsonNode benchmark : root) {
            assertEquals(List.of("latency_p50", "latency_p99", "convergence_bound"), names(benchmark));
            for (JsonNode measure : benchmark) {
                assertTrue(measure.path("value").isNumber(), measure.toString());
                for (String k : names(measure)) {
                    assertTrue(List.of("value", "lower_value", "upper_value").contains(k), k);
                }
            }
        }
    }

    @Test
    void benchmarkActionJsonMatchesGoldenAndItsShape() throws Exception {
        String json = BenchmarkActionEntries.of(golden()).render();

        Golden.assertMatches("benchmark-action.json", json);
        JsonNode root = JSON.readTree(json);
        assertTrue(root.isArray());
        assertEquals(12, root.size(), "three figures per fault class");
        for (JsonNode e : root) {
            assertTrue(e.path("name").isTextual() && e.path("unit").isTextual() && e.path("value").isNumber(),
                    e.toString());
        }
        JsonNode unconverged = root.get(2);
        assertEquals("kill_primary_mid_write unconverged", unconverged.path("name").asText());
        assertEquals(3.3333, unconverged.path("value").asDouble(), 1e-3, "100 x (1 - 0.966667), smaller is better");
    }

    @Test
    void aClassWithoutAcknowledgedWritesHasNoLatencyFigureRatherThanZero() throws Exception {
        Phase4Report r = golden();
        FaultSummary kill = r.faults().values().iterator().next();
        Map<String, LatencyStats> empty = new java.util.LinkedHashMap<>(kill.latencyMs());
        empty.put("ok", new LatencyStats(0, null, null, null, null, null, null));
        FaultSummary noOk = new FaultSummary(kill.fault(), kill.cyclesPlanned(), kill.cyclesDone(), kill.complete(),
                kill.writes(), 0, kill.quorumNotMet(), kill.fail(), kill.failDefinite(), kill.failIndeterminate(),
                kill.attempts(), 0.0, kill.replicaConvergence(), kill.nodesUnreadable(), kill.lostAcknowledged(),
                kill.indeterminatePresent(), kill.inFlight(), kill.duplicates(), kill.cyclesConverged(), kill.convergeMs(),
                kill.recoveryMs(), kill.measuredSkewMs(), kill.windows(), kill.mechanism(), kill.mechanismsSeen(),
                kill.cyclesNotInjected(), empty, kill.jmhCounts(), false, kill.reasons());
        Phase4Report one = new Phase4Report(r.schemaVersion(), r.campaignId(), false, r.complete(),
                r.cyclesPerFault(), r.writesPerCycle(), r.thresholds(), r.schedule(), Map.of(kill.fault(), noOk),
                r.reasons(), r.environment(), r.generatedBy());

        JsonNode bmf = JSON.readTree(BencherMetrics.of(one).render());

        assertEquals(List.of("convergence_bound"), names(bmf.path("kill_primary_mid_write")));
        assertEquals(0.0, bmf.path("kill_primary_mid_write").path("convergence_bound").path("value").asDouble());
    }

    private static void validate(String xml) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.newSchema(Path.of("src/test/resources/schema/junit.xsd").toFile()).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> names(JsonNode o) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
