package dev.quorumbench.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.analysis.RunFixture;
import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parent sweeps dead forks' firewall chains when any arm, not only the base arm, partitions with iptables. */
class CampaignRunnerArmsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "base {0}, head {1}")
    @CsvSource(delimiter = '|', textBlock = """
        # base's partition | head's partition | sweep
        iptables           | -                | true
        proxy-blackhole    | -                | false
        proxy-blackhole    | proxy-blackhole  | false
        iptables           | proxy-blackhole  | true
        proxy-blackhole    | iptables         | true
        """)
    void sweepsWhenAnyArmUsesIptables(String base, String head, boolean sweep) {
        List<CampaignSpec> arms = new ArrayList<>(List.of(arm("b", base)));
        if (!head.equals("-")) {
            arms.add(arm("h", head));
        }
        assertEquals(sweep, CampaignRunner.anyArmUses(arms, "iptables"));
    }

    private CampaignSpec arm(String id, String partition) {
        return RunFixture.plan(dir.resolve(id), id, List.of(FaultClass.PARTITION_MINORITY), 2, 10).withResolution(
                Map.of(FaultClass.PARTITION_MINORITY, new Mechanism(partition, MechanismStatus.REAL, null)), Map.of());
    }
}
