package dev.quorumbench.analysis.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits one side's per-cycle samples into the units its test sees. Cycles of one run share that run's machine
 * state, so they are not independent: a whole run is the unit when both sides have enough runs for the test,
 * otherwise blocks of consecutive cycles (which absorb drift within a run, but not an offset of the whole run).
 */
public final class Units {

    /** Blocks a run is cut into when runs are not the unit: enough units for the rank test, still several cycles each. */
    public static final int BLOCKS_PER_RUN = 10;

    /** What a unit is. */
    public enum Kind {
        RUNS("runs"), BLOCKS("blocks"),
        /** An interleaved campaign's base and head blocks, k-th with k-th: they ran side by side. */
        PAIRS("block pairs");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    private Units() {
    }

    /**
     * Runs when both sides have at least {@code minUnits} runs with samples, else blocks: with fewer runs than the
     * test needs, runs as units would make every metric untestable while one run a side is tested on blocks.
     */
    public static Kind kind(List<double[]> base, List<double[]> head, int minUnits) {
        return nonEmpty(base) >= minUnits && nonEmpty(head) >= minUnits ? Kind.RUNS : Kind.BLOCKS;
    }

    /** The units of one side: each an array of per-cycle values, in run and cycle order; empty runs give none. */
    public static List<double[]> of(List<double[]> runs, Kind kind) {
        return of(runs, kind, 0);
    }

    /**
     * As {@link #of(List, Kind)}, with blocks of {@code blockCycles} consecutive cycles when that is positive (an
     * interleaved campaign's own blocks: a shorter last block is kept); 0 = the even split.
     */
    public static List<double[]> of(List<double[]> runs, Kind kind, int blockCycles) {
        List<double[]> units = new ArrayList<>();
        for (double[] run : runs) {
            if (run.length == 0) {
                continue;
            }
            if (kind == Kind.RUNS) {
                units.add(run.clone());
                continue;
            }
            if (blockCycles > 0) {
                for (int from = 0; from < run.length; from += blockCycles) {
                    units.add(Arrays.copyOfRange(run, from, Math.min(run.length, from + blockCycles)));
                }
                continue;
            }
            int blocks = Math.min(BLOCKS_PER_RUN, run.length);
            for (int b = 0; b < blocks; b++) {
                // Even split: block b holds cycles [b*n/blocks, (b+1)*n/blocks).
                int from = (int) ((long) b * run.length / blocks);
                int to = (int) ((long) (b + 1) * run.length / blocks);
                units.add(Arrays.copyOfRange(run, from, to));
            }
        }
        return units;
    }

    /** The mean of each unit: the values the rank test compares. */
    public static double[] means(List<double[]> units) {
        double[] m = new double[units.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = mean(units.get(i));
        }
        return m;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static long nonEmpty(List<double[]> runs) {
        return runs.stream().filter(r -> r.length > 0).count();
    }
}
