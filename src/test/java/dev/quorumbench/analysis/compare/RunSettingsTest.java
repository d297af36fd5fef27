package dev.quorumbench.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.analysis.RunFixture;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunSettingsTest {

    @Test
    void readsEverySettingFromTheCampaign() {
        var spec = RunFixture.plan(Path.of("runs/x"), "x", List.of(FaultClass.DROP_RANDOM_ACKS,
                FaultClass.CLOCK_SKEW_PEER), 20, 50).withResolution(Map.of(FaultClass.DROP_RANDOM_ACKS,
                new Mechanism("sigstop", MechanismStatus.REAL, null)), Map.of());
        Map<String, String> s = RunSettings.of(spec, spec.faults());
        assertEquals(RunSettings.keys(), List.copyOf(s.keySet()));
        assertEquals("500", s.get("fault_window_ms"));
        assertEquals("drop_random_acks=sigstop/real, clock_skew_peer=default", s.get("mechanisms"));
        assertEquals("-", s.get("node_args"));
        assertEquals("closed-loop", s.get("schedule"));
        assertEquals("convergence_bound≥0.995, replica_convergence≥0.99, lost_acknowledged≤0", s.get("thresholds"));
        assertEquals("drop_random_acks=sigstop/real",
                RunSettings.restrict(s, List.of(FaultClass.DROP_RANDOM_ACKS)).get("mechanisms"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # key             | base  | head  | allowed    | changes what is measured | refused
        fault_window_ms   | 500   | 100   |            | true                     | true
        fault_window_ms   | 500   | 100   | fault_window_ms | true                | false
        skew_ms           | 60000 | 1000  |            | true                     | true
        target            | reference | other |        | true                     | true
        rate_per_s        | -     | 200   |            | true                     | true
        thresholds        | a     | b     |            | false                    | false
        cycles            | 200   | 20    |            | false                    | false
        seed              | 1     | 2     |            | false                    | false
        """)
    void whichDifferencesStopAComparison(String key, String base, String head, String allowed, boolean measuring,
            boolean refused) {
        Map<String, String> b = new LinkedHashMap<>(Map.of(key, base, "writes", "50"));
        Map<String, String> h = new LinkedHashMap<>(Map.of(key, head, "writes", "50"));
        List<RunSettings.Difference> d = RunSettings.differences(b, h);
        assertEquals(List.of(new RunSettings.Difference(key, base, head, measuring)), d);
        assertEquals(refused, !RunSettings.refused(d, allowed == null ? Set.of() : Set.of(allowed)).isEmpty());
    }
}
