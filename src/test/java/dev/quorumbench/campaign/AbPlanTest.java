package dev.quorumbench.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorumbench.InvalidInputException;
import dev.quorumbench.run.CampaignSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbPlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String s) throws Exception {
        return (ObjectNode) JSON.readTree(s.replace('\'', '"'));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
        # settings                                                          ; block ; head node args        ; head target
        {'ab': {}}                                                          ; 2     ; -                     ; -
        {'ab': {'block_cycles': 5}}                                         ; 5     ; -                     ; -
        {'ab': {'head_node_args': ['--extra-latency-ms', '3']}}             ; 2     ; --extra-latency-ms 3  ; -
        {'ab': {'head_target': 'etcd', 'head_node_args': []}}               ; 2     ; ''                    ; etcd
        """)
    void readsThePlan(String settings, int block, String args, String target) throws Exception {
        AbPlan plan = new CampaignSettings().overlay(json(settings)).abPlan();
        assertEquals(block, plan.blockCycles());
        assertEquals(args, plan.headNodeArgs() == null ? "-" : String.join(" ", plan.headNodeArgs()));
        assertEquals(target, plan.headTarget() == null ? "-" : plan.headTarget());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', textBlock = """
        {'ab': 3}                                  ; ab must be an object
        {'ab': {'block': 2}}                       ; unknown key 'ab.block'
        {'ab': {'block_cycles': 0}}                ; --ab-block must be ≥ 1 cycle, got 0
        {'ab': {'block_cycles': '2'}}              ; ab.block_cycles must be a whole number
        {'ab': {'head_node_args': '--x'}}          ; ab.head_node_args must be a list of strings
        {'ab': {'head_target': 1}}                 ; ab.head_target must be a string
        """)
    void refusesABrokenPlan(String settings, String message) throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new CampaignSettings().overlay(json(settings)).abPlan());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest(name = "{0} cycles, blocks of {1}")
    @CsvSource({"20, 2, true", "21, 2, false", "6, 3, true", "4, 5, false"})
    void wantsWholeBlocksPerArm(int cycles, int block, boolean ok) {
        AbPlan plan = new AbPlan(block, null, null, null);
        if (ok) {
            plan.check(cycles);
        } else {
            assertThrows(InvalidInputException.class, () -> plan.check(cycles));
        }
    }

    @Test
    void anOrdinaryCampaignHasNoPlan() {
        assertNull(new CampaignSettings().abPlan());
    }

    @Test
    void theHeadArmReplacesOnlyNodeArgsAndTarget() throws Exception {
        CampaignSettings settings = new CampaignSettings().overlay(json(
                "{'cycles': 4, 'node_args': ['--a'], 'ab': {'head_node_args': ['--extra-latency-ms', '3']}}"));
        CampaignSpec base = settings.toSpec("b", "/tmp/b", 1);
        CampaignSpec head = settings.headArm(settings.abPlan()).toSpec("h", "/tmp/h", 1);
        assertEquals(List.of("--a"), base.nodeArgs());
        assertEquals(List.of("--extra-latency-ms", "3"), head.nodeArgs());
        assertEquals(base.cycles(), head.cycles());
        assertEquals(base.target(), head.target());
        assertNull(base.interleaving(), "the plan is not a setting of the arm's campaign.json until the run places it");
    }

    @Test
    void theBundledPullRequestPresetIsInterleaved() {
        CampaignSettings pr = new CampaignSettings().overlay(Presets.load("pr"));
        AbPlan plan = pr.abPlan();
        CampaignSpec spec = pr.toSpec("x", "/tmp/x", 1);
        assertEquals(2, spec.faults().size());
        plan.check(spec.cycles());
        assertNull(plan.headNodeArgs(), "A/A unless the head is given");
    }
}
