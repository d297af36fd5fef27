package dev.quorumbench.analysis.render;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The one Java shape of {@code compare --format json}: the outcome, counts (of gated metrics' verdicts, and of
 * metrics reported outside the gate), gaps (why the comparison cannot pass whatever its metrics say), both sides'
 * headers, the settings that differ, notes, the method's settings (the gate's metrics among them) and every
 * metric's numbers per fault class, each marked gated or not. Absent numbers are null.
 */
@JsonPropertyOrder({"outcome", "regression", "counts", "gaps", "base", "head", "setting_differences", "notes",
    "settings", "faults"})
public record CompareDocument(
        @JsonProperty("outcome") String outcome,
        @JsonProperty("regression") boolean regression,
        @JsonProperty("counts") Map<String, Long> counts,
        @JsonProperty("gaps") List<String> gaps,
        @JsonProperty("base") Side base,
        @JsonProperty("head") Side head,
        @JsonProperty("setting_differences") List<Difference> settingDifferences,
        @JsonProperty("notes") List<String> notes,
        @JsonProperty("settings") Method settings,
        @JsonProperty("faults") Map<String, List<MetricRow>> faults) {

    /** One side: a run, or several runs of the same settings. */
    public record Side(
            @JsonProperty("campaign_id") String campaignId,
            @JsonProperty("runs") int runs,
            @JsonProperty("schedule") String schedule,
            @JsonProperty("cycles") int cycles,
            @JsonProperty("writes") int writes,
            @JsonProperty("complete") boolean complete,
            @JsonProperty("unsafe") List<String> unsafe,
            @JsonProperty("settings") Map<String, String> settings,
            @JsonProperty("environment") Map<String, String> environment) {
    }

    /** A campaign setting that differs between the sides. */
    public record Difference(
            @JsonProperty("key") String key,
            @JsonProperty("base") String base,
            @JsonProperty("head") String head,
            @JsonProperty("changes_measurement") boolean changesMeasurement) {
    }

    /** How the verdicts were reached. */
    public record Method(
            @JsonProperty("alpha") BigDecimal alpha,
            @JsonProperty("min_units") int minUnits,
            @JsonProperty("test") String test,
            @JsonProperty("effect") String effect,
            @JsonProperty("multiple_comparisons") String multipleComparisons,
            @JsonProperty("allow_different") List<String> allowDifferent,
            @JsonProperty("faults") List<String> faults,
            @JsonProperty("min_effect") Map<String, MinEffectRow> minEffect,
            @JsonProperty("gate_metrics") List<String> gateMetrics) {
    }

    /** One metric's minimum effect. */
    public record MinEffectRow(
            @JsonProperty("absolute") BigDecimal absolute,
            @JsonProperty("relative") BigDecimal relative,
            @JsonProperty("unit") String unit,
            @JsonProperty("direction") String direction) {
    }

    /** One metric of one fault class. */
    public record MetricRow(
            @JsonProperty("metric") String metric,
            @JsonProperty("unit") String unit,
            @JsonProperty("base") BigDecimal base,
            @JsonProperty("head") BigDecimal head,
            @JsonProperty("change") BigDecimal change,
            @JsonProperty("relative_change") BigDecimal relativeChange,
            @JsonProperty("effect") BigDecimal effect,
            @JsonProperty("effect_low") BigDecimal effectLow,
            @JsonProperty("effect_high") BigDecimal effectHigh,
            @JsonProperty("p_value") BigDecimal pValue,
            @JsonProperty("q_value") BigDecimal qValue,
            @JsonProperty("units") String units,
            @JsonProperty("base_units") int baseUnits,
            @JsonProperty("head_units") int headUnits,
            @JsonProperty("base_cycles") int baseCycles,
            @JsonProperty("head_cycles") int headCycles,
            @JsonProperty("verdict") String verdict,
            @JsonProperty("reason") String reason,
            @JsonProperty("gated") boolean gated) {
    }
}
