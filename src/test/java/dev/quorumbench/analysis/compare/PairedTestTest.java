package dev.quorumbench.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The paired test and its interval on literal pairs, and why pairing matters when drift dwarfs the change. */
class PairedTestTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                       | base                  | head                    | p
        6 pairs, head higher in all: 2/2^6           | 1 2 3 4 5 6           | 2 4 6 8 10 12           | 0.03125
        4 pairs, head higher in all: 2/2^4           | 10 20 30 40           | 11 22 33 44             | 0.125
        no pair differs                              | 1 2 3                 | 1 2 3                   | 1
        signs mixed: W+ = 4 of 10, 2 x 7/16         | 1 1 1 1               | 2 -1 4 -3               | 0.875
        """)
    void exactPValues(String name, String base, String head, double p) {
        assertEquals(p, PairedTest.pValue(VerdictRuleTest.parse(base), VerdictRuleTest.parse(head)), 1e-6);
    }

    @ParameterizedTest(name = "{0} pairs")
    @CsvSource({"4, 0.125", "5, 0.0625", "6, 0.03125", "12, 0.00048828125"})
    void smallestPValue(int pairs, double p) {
        assertEquals(p, PairedTest.smallestPValue(pairs), 1e-12);
    }

    /**
     * The shape of a real interleaved A/B campaign (ab-05 of the pr preset): a warm-up drift from 24 to 3 ms runs
     * through both arms, the head is about +3 ms in every pair. Unpaired ranks cannot see it through the drift;
     * the pairs do.
     */
    @Test
    void pairingSeesAShiftThatDriftHidesFromTheUnpairedTest() {
        double[] base = {13.0, 9.8, 15.5, 9.4, 7.4, 9.3, 5.4, 4.9, 5.5, 3.6, 3.9, 12.2};
        double[] head = {20.4, 17.5, 12.6, 14.0, 19.0, 12.8, 9.6, 11.4, 8.5, 12.5, 7.1, 12.6};
        assertTrue(RankTest.pValue(base, head) > 0.005, "unpaired: " + RankTest.pValue(base, head));
        assertTrue(PairedTest.pValue(base, head) < 0.005, "paired: " + PairedTest.pValue(base, head));
    }

    @Test
    void pairedIntervalKeepsThePairing() {
        List<double[]> base = new ArrayList<>();
        List<double[]> head = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            double drift = 40 - 3 * k; // large drift shared by both sides of a pair
            base.add(new double[] {drift, drift + 0.5});
            head.add(new double[] {drift + 3, drift + 3.5});
        }
        HierarchicalBootstrap.Interval paired = HierarchicalBootstrap.pairedDifference(base, head, 0.95, 2000, 7);
        HierarchicalBootstrap.Interval unpaired = HierarchicalBootstrap.difference(base, head, 0.95, 2000, 7);
        assertEquals(3.0, paired.estimate(), 1e-9);
        assertTrue(paired.low() > 2 && paired.high() < 4, paired.toString());
        assertTrue(!unpaired.excludesZero(), "the unpaired interval spans the drift: " + unpaired);
    }
}
