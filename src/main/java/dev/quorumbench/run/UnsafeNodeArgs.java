package dev.quorumbench.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the node flags that break a node on purpose (the validation aids {@code --unsafe-*},
 * {@code --extra-latency-ms}, {@code --allow-clock-offset}) out of a campaign's {@code node_args}, so that every
 * place showing a run's result can say the store was deliberately altered.
 */
public final class UnsafeNodeArgs {

    private UnsafeNodeArgs() {
    }

    /** The unsafe flags with their values ("--extra-latency-ms 3"), in order; empty when none. */
    public static List<String> of(List<String> nodeArgs) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < nodeArgs.size(); i++) {
            String a = nodeArgs.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (name.startsWith("--unsafe-") || name.equals("--allow-clock-offset")) {
                found.add(a);
            } else if (name.equals("--extra-latency-ms")) {
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1)
                        : i + 1 < nodeArgs.size() ? nodeArgs.get(++i) : "";
                if (!isZero(value)) {
                    found.add((name + " " + value).trim());
                }
            }
        }
        return found;
    }

    private static boolean isZero(String v) {
        try {
            return Double.parseDouble(v.trim()) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
