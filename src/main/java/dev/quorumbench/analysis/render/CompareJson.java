package dev.quorumbench.analysis.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.quorumbench.analysis.compare.Comparison;
import dev.quorumbench.analysis.compare.FaultComparison;
import dev.quorumbench.analysis.compare.HierarchicalBootstrap;
import dev.quorumbench.analysis.compare.Metric;
import dev.quorumbench.analysis.compare.MetricComparison;
import dev.quorumbench.analysis.compare.MinEffect;
import dev.quorumbench.analysis.compare.RunHeader;
import dev.quorumbench.analysis.compare.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link Comparison} as JSON ({@link CompareDocument}) with the same content as the Markdown. */
public final class CompareJson {

    /** What the JSON says the test is; the Markdown's method paragraph says the same in prose. */
    static final String TEST = "two-sided Mann-Whitney U over units (runs when both sides have at least min_units"
            + " runs, else blocks of consecutive cycles), exact for small samples without ties (Apache Commons Statistics);"
            + " for the two arms of one interleaved campaign with a value in every cycle and at least 8 blocks an arm,"
            + " Wilcoxon signed-rank over"
            + " pairs of base and head blocks that ran side by side (units: block pairs)";
    static final String EFFECT = "head - base of the mean per-cycle value; interval: 1 - alpha percentile of a"
            + " hierarchical bootstrap (units, then cycles), 2000 seeded resamples";
    static final String MULTIPLE = "Benjamini-Hochberg over every tested fault class x metric; q_value < alpha;"
            + " with gate_metrics narrower than every metric, the gated and the other metrics are two families";

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .serializationInclusion(JsonInclude.Include.ALWAYS).build();

    private CompareJson() {
    }

    public static String render(Comparison c) {
        try {
            return MAPPER.writeValueAsString(document(c)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render comparison JSON", e);
        }
    }

    static CompareDocument document(Comparison c) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            counts.put(v.word(), c.count(v));
        }
        counts.put("outside_gate", c.countNotGated());
        Map<String, CompareDocument.MinEffectRow> min = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            MinEffect e = c.settings().minEffect(m);
            min.put(m.key(), new CompareDocument.MinEffectRow(BigDecimal.valueOf(e.absolute()),
                    BigDecimal.valueOf(e.relative()), m.unit(), m.direction().name().toLowerCase(Locale.ROOT)));
        }
        CompareDocument.Method method = new CompareDocument.Method(BigDecimal.valueOf(c.settings().alpha()),
                c.settings().minUnits(), TEST, EFFECT, MULTIPLE, List.copyOf(c.settings().allowDifferent()),
                c.settings().faults().stream().map(f -> f.key()).toList(), min,
                c.settings().gated().stream().map(Metric::key).toList());
        Map<String, List<CompareDocument.MetricRow>> faults = new LinkedHashMap<>();
        for (FaultComparison f : c.faults()) {
            List<CompareDocument.MetricRow> rows = new ArrayList<>();
            for (MetricComparison m : f.metrics()) {
                rows.add(row(m));
            }
            faults.put(f.fault().key(), rows);
        }
        return new CompareDocument(c.outcome().words(), c.regressed(), counts, c.gaps(), side(c.base()), side(c.head()),
                c.differences().stream().map(d -> new CompareDocument.Difference(d.key(), d.base(), d.head(),
                        d.changesMeasurement())).toList(), c.notes(), method, faults);
    }

    private static CompareDocument.MetricRow row(MetricComparison m) {
        HierarchicalBootstrap.Interval e = m.effect();
        return new CompareDocument.MetricRow(m.metric().key(), m.metric().unit(), number(m.base()),
                number(m.head()), number(m.change()), number(m.relativeChange()),
                e == null ? null : number(e.estimate()), e == null ? null : number(e.low()),
                e == null ? null : number(e.high()), number(m.pValue()), number(m.qValue()),
                m.units() == null ? null : m.units().word(), m.baseUnits(), m.headUnits(), m.baseCycles(),
                m.headCycles(), m.verdict().word(), m.reason(), m.gated());
    }

    private static CompareDocument.Side side(RunHeader h) {
        return new CompareDocument.Side(h.campaignId(), h.runs(), h.schedule(), h.cycles(), h.writes(), h.complete(),
                h.unsafe(), h.settings(), h.environment());
    }

    private static BigDecimal number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.signum() == 0 ? BigDecimal.ZERO : d;
    }
}
