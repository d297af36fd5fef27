package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.run.FaultClass;
import dev.quorumbench.run.Mechanism;
import dev.quorumbench.run.MechanismStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** One inject–window–heal run: heal always happens, the window is held, failures are recorded, not thrown. */
class FaultCycleTest {

    /** A fault that records calls and fails where told to. */
    private static final class Scripted extends BoundFault {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final boolean injectFails;
        final boolean healFails;

        Scripted(long windowMs, boolean injectFails, boolean healFails) {
            super(FaultClass.PARTITION_MINORITY, new Mechanism("proxy-blackhole", MechanismStatus.REAL, null), windowMs);
            this.injectFails = injectFails;
            this.healFails = healFails;
        }

        @Override
        public void inject() throws FaultException {
            calls.add("inject");
            if (injectFails) {
                throw new FaultException("link still answered");
            }
            detail("cut 4 links");
        }

        @Override
        public Map<String, Long> heal() throws FaultException {
            calls.add("heal");
            if (healFails) {
                throw new FaultException("port 1234 still silent");
            }
            return Map.of("x", 1L);
        }
    }

    @Test
    void injectHoldsTheWindowThenHeals() {
        Scripted f = new Scripted(200, false, false);
        long t0 = System.nanoTime();
        FaultOutcome o = FaultCycle.run(f);
        long ms = (System.nanoTime() - t0) / 1_000_000L;
        assertEquals(List.of("inject", "heal"), f.calls);
        assertTrue(ms >= 200, "window held, took " + ms);
        assertTrue(o.injected() && o.healed());
        assertTrue(o.event().endMs() - o.event().startMs() >= 200);
        assertEquals("cut 4 links", o.event().detail());
        assertEquals(Map.of("x", 1L), o.event().measurements());
        assertEquals("proxy-blackhole", o.event().mechanism());
    }

    @Test
    void failedInjectIsHealedAndRecordedAsNeverInjected() {
        Scripted f = new Scripted(10_000, true, false);
        long t0 = System.nanoTime();
        FaultOutcome o = FaultCycle.run(f);
        assertTrue((System.nanoTime() - t0) / 1_000_000L < 5_000, "no window after a failed inject");
        assertEquals(List.of("inject", "heal"), f.calls);
        assertFalse(o.injected());
        assertEquals(0, o.event().startMs());
        assertEquals(0, o.event().endMs());
        assertEquals("inject failed: link still answered", o.event().detail());
    }

    @Test
    void failedHealIsReported() {
        FaultOutcome o = FaultCycle.run(new Scripted(0, false, true));
        assertTrue(o.injected());
        assertFalse(o.healed());
        assertTrue(o.event().detail().endsWith("heal failed: port 1234 still silent"), o.event().detail());
    }

    @Test
    void interruptEndsTheWindowEarlyButStillHealsAndKeepsTheFlag() throws Exception {
        Scripted f = new Scripted(10_000, false, false);
        FaultOutcome[] out = new FaultOutcome[1];
        boolean[] flag = new boolean[1];
        Thread t = new Thread(() -> {
            out[0] = FaultCycle.run(f);
            flag[0] = Thread.currentThread().isInterrupted();
        });
        t.start();
        Thread.sleep(100);
        t.interrupt();
        t.join(5_000);
        assertFalse(t.isAlive());
        assertEquals(List.of("inject", "heal"), f.calls);
        assertTrue(out[0].healed());
        assertTrue(flag[0], "interrupt flag kept");
    }
}
