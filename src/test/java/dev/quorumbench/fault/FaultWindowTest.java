package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.run.FaultWindow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The attested window of a fault firing (pure): nanoTime marks made wall-clock through the apply-start pair, a mark
 * the fault did not set falls back to heal's return, a failed heal attests nothing after it.
 */
class FaultWindowTest {

    private static final long T0_MS = 1_795_000_000_000L;
    private static final long T0_NS = 5_000_000_000L;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // case, confirmed, heal returned, mark confirmed, mark reverted, mark probe ok (ms after t0; -1 = 0)
            // → confirmed, healed, first probe ok (ms after t0; -1 = 0 in the window)
            "every mark set,        40, 600, 12, 530, 590,   40, 530, 590",
            "no marks: heal return, 40, 600, -1, -1, -1,     40, 600, 600",
            "only reverted marked,  40, 600, -1, 530, -1,    40, 530, 600",
            "inject failed,         -1, 600, -1, -1, -1,     -1, 600, 600",
            "heal failed,           40, -1, 12, 530, -1,     40, -1, -1"})
    void marksBecomeTheWindow(String name, long confirmed, long healReturned, long markConfirmed, long markReverted,
                              long markProbe, long wantConfirmed, long wantHealed, long wantProbe) {
        FaultWindow w = FaultCycle.window(T0_MS, T0_NS, ns(confirmed), ns(healReturned),
                new long[] {ns(markConfirmed), ns(markReverted), ns(markProbe)});
        assertEquals(new FaultWindow(T0_MS, ms(wantConfirmed), ms(wantHealed), ms(wantProbe)), w);
    }

    @ParameterizedTest
    @CsvSource({"100, 140, 640, 1100, 40, 500, 1000", "100, 0, 640, 1100, , , 1000", "100, 140, 0, 0, 40, , "})
    void controlHeldAndSeenAreDifferencesOfPresentMarks(long apply, long confirmed, long healed, long probe,
                                                         Long control, Long held, Long seen) {
        FaultWindow w = new FaultWindow(apply, confirmed, healed, probe);
        assertEquals(control, w.controlMs());
        assertEquals(held, w.heldMs());
        assertEquals(seen, w.seenMs());
    }

    private static long ns(long msAfterT0) {
        return msAfterT0 < 0 ? 0 : T0_NS + msAfterT0 * 1_000_000L;
    }

    private static long ms(long msAfterT0) {
        return msAfterT0 < 0 ? 0 : T0_MS + msAfterT0;
    }
}
