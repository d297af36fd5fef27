package dev.quorumbench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one list of what makes a run's results unsafe to read as a safe deployment's — node flags that alter the
 * store on purpose, faults not really injected, reads not made node by node — shown wherever a run's result is
 * shown (analyze's summary, compare, release notes, the HTML page).
 */
public final class UnsafeSettings {

    private UnsafeSettings() {
    }

    /** One Markdown sentence per unsafe setting of {@code spec} (names in backticks), empty when there is none. */
    public static List<String> of(CampaignSpec spec) {
        List<String> out = new ArrayList<>();
        for (String arg : UnsafeNodeArgs.of(spec.nodeArgs())) {
            out.add("node flag `" + arg + "`: the nodes were altered on purpose, so these results"
                    + " do not describe a safe deployment");
        }
        for (Map.Entry<FaultClass, Mechanism> m : spec.mechanisms().entrySet()) {
            MechanismStatus s = m.getValue().status();
            if (s == MechanismStatus.SIMULATED || s == MechanismStatus.UNAVAILABLE) {
                out.add(m.getKey().key() + ": mechanism `" + m.getValue().name() + "` is " + s.key()
                        + ", the fault was not really injected");
            }
        }
        Object readBack = spec.environment().get("read_back");
        if (readBack != null && !"node-local".equals(readBack)) {
            out.add("read-back " + readBack);
        }
        return out;
    }

    /** {@code sentence} for plain text (a terminal, an HTML text node): without Markdown's backticks. */
    public static String plain(String sentence) {
        return sentence.replace("`", "");
    }
}
