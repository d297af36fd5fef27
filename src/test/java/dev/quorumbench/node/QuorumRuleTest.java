package dev.quorumbench.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuorumRuleTest {

    @ParameterizedTest(name = "need={0} ack={1} unreach={2} other={3} pending={4} late={5} -> {6} {7}")
    @CsvSource({
        // need, acks, unreachable, other, pending, deadlinePassed, state, reason
        "0, 0, 0, 0, 2, false, MET,",
        "1, 1, 0, 0, 1, false, MET,",
        "1, 1, 1, 0, 0, true,  MET,",
        "1, 0, 0, 0, 2, false, PENDING,",
        "1, 0, 1, 0, 1, false, PENDING,",
        "1, 0, 0, 1, 1, false, PENDING,",
        "1, 0, 2, 0, 0, false, NOT_MET, unreachable",
        "1, 0, 1, 1, 0, false, NOT_MET, timeout",
        "1, 0, 0, 2, 0, false, NOT_MET, timeout",
        "1, 0, 1, 0, 1, true,  NOT_MET, timeout",
        "1, 0, 0, 0, 2, true,  NOT_MET, timeout",
        "2, 1, 0, 0, 1, false, PENDING,",
        "2, 1, 1, 0, 0, false, NOT_MET, unreachable",
        "2, 0, 1, 0, 1, false, NOT_MET, unreachable",
        "2, 1, 0, 0, 1, true,  NOT_MET, timeout",
        "2, 2, 0, 0, 0, false, MET,"})
    void decides(int need, int acks, int unreachable, int other, int pending, boolean late, QuorumVerdict.State state,
            String reason) {
        QuorumVerdict v = QuorumRule.decide(need, acks, unreachable, other, pending, late);
        assertEquals(state, v.state());
        assertEquals(reason, v.reason());
    }
}
