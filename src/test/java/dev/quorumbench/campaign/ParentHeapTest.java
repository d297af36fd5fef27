package dev.quorumbench.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The parent's periodic collection is really switched on in a G1 JVM given no options (the test JVM's case). */
class ParentHeapTest {

    @Test
    void setsG1PeriodicCollectionWhenTheUserDidNot() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        boolean g1 = ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(b -> b.getName().startsWith("G1"));
        assumeTrue(g1, "the test JVM does not run G1");
        String before = vm.getVMOption("G1PeriodicGCInterval").getValue();
        try {
            assertTrue(ParentHeap.returnUnusedMemoryEvery(Duration.ofSeconds(30)));
            assertEquals("30000", vm.getVMOption("G1PeriodicGCInterval").getValue());
        } finally {
            vm.setVMOption("G1PeriodicGCInterval", before);
        }
    }
}
