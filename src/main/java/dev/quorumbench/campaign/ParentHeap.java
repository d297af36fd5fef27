package dev.quorumbench.campaign;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Keeps the parent process's committed heap near its live size while a campaign runs. The parent only watches
 * (JMH's link, progress): its live heap stays about 10 MB, but G1 sizes its young generation from the machine's
 * memory, so over a long soak the parent's RSS crept up by first touching an ever larger eden (103 -> 186 MB over
 * 2,000 cycles) although nothing was retained. G1's periodic collection (a manageable flag, so settable from inside
 * a {@code java -jar} that was given no options) collects when the parent has been idle that long and gives the
 * unused heap back.
 */
public final class ParentHeap {

    /** Often enough to keep the parent flat over a soak, rare enough to cost nothing (one idle collection). */
    public static final Duration PERIOD = Duration.ofSeconds(30);

    private ParentHeap() {
    }

    /**
     * Turns on G1's periodic collection every {@code period} unless the user set it; returns whether it is on. Off
     * where the JVM is not G1 or refuses the flag (another collector sizes its heap its own way).
     */
    public static boolean returnUnusedMemoryEvery(Duration period) {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            var flag = vm.getVMOption("G1PeriodicGCInterval");
            if (!isG1() || !flag.isWriteable()) {
                return false;
            }
            if (flag.getOrigin() != com.sun.management.VMOption.Origin.DEFAULT) {
                return !"0".equals(flag.getValue()); // the user's choice stands
            }
            vm.setVMOption("G1PeriodicGCInterval", Long.toString(period.toMillis()));
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static boolean isG1() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(b -> b.getName().startsWith("G1"));
    }
}
