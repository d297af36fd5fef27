package dev.quorumbench.analysis.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

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
     * interleaved campaign's own blocks: a shorter last block is kept); 0 = the even split. Every cycle is taken to
     * have a value; {@link #of(List, List, Kind, int)} says which cycles the values came from.
     */
    public static List<double[]> of(List<double[]> runs, Kind kind, int blockCycles) {
        return of(runs, runs.stream().map(r -> IntStream.range(0, r.length).toArray()).toList(), kind, blockCycles);
    }

    /**
     * As {@link #of(List, Kind, int)}, where {@code positions} gives, per run, the 0-based cycle of each value. An
     * interleaved campaign's blocks are cut by cycle, not by value: cycle i belongs to block i / blockCycles, a
     * cycle without a value is simply missing from its own block, and a block left with no value is no unit. So
     * each block is the cycles that ran together in the ABBA schedule; counting values instead would shift every
     * later block off the schedule at the first gap.
     */
    public static List<double[]> of(List<double[]> runs, List<int[]> positions, Kind kind, int blockCycles) {
        List<double[]> units = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            double[] run = runs.get(r);
            if (run.length == 0) {
                continue;
            }
            if (kind == Kind.RUNS) {
                units.add(run.clone());
                continue;
            }
            if (blockCycles > 0) {
                units.addAll(blocksByCycle(run, positions.get(r), blockCycles));
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

    /** The values of one run grouped by the block of their cycle, in order; blocks with no value are left out. */
    private static List<double[]> blocksByCycle(double[] run, int[] cycleOf, int blockCycles) {
        if (cycleOf.length != run.length) {
            throw new IllegalArgumentException("one cycle per value: " + cycleOf.length + " for " + run.length);
        }
        List<double[]> blocks = new ArrayList<>();
        int from = 0;
        while (from < run.length) {
            int block = cycleOf[from] / blockCycles;
            int to = from;
            while (to < run.length && cycleOf[to] / blockCycles == block) {
                to++;
            }
            blocks.add(Arrays.copyOfRange(run, from, to));
            from = to;
        }
        return blocks;
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
