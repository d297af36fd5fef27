package dev.quorumbench.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                              | base runs (cycles per run) | head runs | kind   | base unit sizes
        one run a side: blocks              | 20                         | 20        | blocks | 2 2 2 2 2 2 2 2 2 2
        200 cycles: ten blocks of 20        | 200                        | 20        | blocks | 20 20 20 20 20 20 20 20 20 20
        uneven split keeps every cycle      | 13                         | 13        | blocks | 1 1 1 2 1 1 2 1 1 2
        fewer cycles than blocks            | 3                          | 3         | blocks | 1 1 1
        several runs on one side only       | 5 5 5 5                    | 5         | blocks | 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1
        2 runs a side: blocks, not 2 units  | 5 5                        | 5 5       | blocks | 1 1 1 1 1 1 1 1 1 1
        3 runs a side: blocks, not 3 units  | 5 7 6                      | 4 4 4     | blocks | 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1
        4 runs a side: runs                 | 5 7 6 5                    | 4 4 4 4   | runs   | 5 7 6 5
        an empty run is no unit             | 5 0 6 5 5                  | 4 4 4 4   | runs   | 5 6 5 5
        an empty run does not count         | 5 0 6 5                    | 4 4 4 4   | blocks | 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1
        """)
    void splits(String name, String baseRuns, String headRuns, String kind, String sizes) {
        List<double[]> base = runs(baseRuns);
        Units.Kind k = Units.kind(base, runs(headRuns), CompareSettings.DEFAULT_MIN_UNITS);
        assertEquals(kind, k.word());
        List<double[]> units = Units.of(base, k);
        assertEquals(sizes, String.join(" ", units.stream().map(u -> Integer.toString(u.length)).toList()));
        // Units keep the cycles in order, none lost or repeated.
        double[] joined = units.stream().flatMapToDouble(Arrays::stream).toArray();
        assertEquals(base.stream().mapToInt(r -> r.length).sum(), joined.length);
    }

    static List<double[]> runs(String cyclesPerRun) {
        List<double[]> runs = new ArrayList<>();
        int v = 0;
        for (String n : cyclesPerRun.trim().split("\\s+")) {
            double[] r = new double[Integer.parseInt(n)];
            for (int i = 0; i < r.length; i++) {
                r[i] = v++;
            }
            runs.add(r);
        }
        return runs;
    }

    /** An interleaved campaign's units are its blocks: as many as the arm ran, whatever BLOCKS_PER_RUN says. */
    @ParameterizedTest(name = "{0} cycles, blocks of {1}")
    @CsvSource(delimiter = '|', textBlock = """
        # cycles per run | block cycles | unit sizes
        20               | 2            | 2 2 2 2 2 2 2 2 2 2
        8                | 2            | 2 2 2 2
        30               | 1            | 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1
        7                | 3            | 3 3 1
        """)
    void cutsInterleavedRunsIntoTheirBlocks(int cycles, int blockCycles, String sizes) {
        List<double[]> units = Units.of(runs(Integer.toString(cycles)), Units.Kind.BLOCKS, blockCycles);
        assertEquals(sizes, String.join(" ", units.stream().map(u -> Integer.toString(u.length)).toList()));
        assertEquals(blockCycles, units.get(1)[0]); // the second unit starts at the second block's first cycle
    }

    /**
     * An interleaved campaign's blocks with cycles that have no value (written per cycle, {@code _} = none): cycle i
     * is in block i / blockCycles whatever came before it, a missing cycle only thins its own block, and a block with
     * no value at all is no unit. Counting values instead would cut the first row as 10 11 / 13 14 / 15 17.
     */
    @ParameterizedTest(name = "[{index}] {0}, blocks of {1}")
    @CsvSource(delimiter = '|', textBlock = """
        # value per cycle (_ = none)   | block cycles | units
        10 11 _ 13 14 15 _ 17          | 2            | 10 11 / 13 / 14 15 / 17
        10 _ _ 13 14 15                | 2            | 10 / 13 / 14 15
        _ _ 12 13 _ _ 16               | 2            | 12 13 / 16
        10 11 12 _ 14 15 16 17 18      | 3            | 10 11 12 / 14 15 / 16 17 18
        10 11 12 13 14                 | 2            | 10 11 / 12 13 / 14
        10 _ 12                        | 1            | 10 / 12
        _ 11 12 13 14 15 16 17         | 4            | 11 12 13 / 14 15 16 17
        """)
    void cutsInterleavedBlocksByCycleSoGapsDoNotShiftLaterBlocks(String perCycle, int blockCycles, String expected) {
        String[] cells = perCycle.trim().split("\\s+");
        List<Double> values = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].equals("_")) {
                values.add(Double.parseDouble(cells[i]));
                positions.add(i);
            }
        }
        double[] run = values.stream().mapToDouble(Double::doubleValue).toArray();
        int[] at = positions.stream().mapToInt(Integer::intValue).toArray();
        List<double[]> units = Units.of(List.of(run), List.of(at), Units.Kind.BLOCKS, blockCycles);
        assertEquals(expected, String.join(" / ", units.stream().map(u -> String.join(" ",
                Arrays.stream(u).mapToObj(v -> Integer.toString((int) v)).toList())).toList()));
    }

    /** Without gaps the cut by cycle is the cut by value: the campaigns compare paired already ran through it. */
    @ParameterizedTest(name = "{0} cycles, blocks of {1}")
    @CsvSource({"20, 2", "7, 3", "30, 1", "9, 4"})
    void withoutGapsBlocksByCycleAreBlocksByValue(int cycles, int blockCycles) {
        List<double[]> dense = runs(Integer.toString(cycles));
        int[] every = java.util.stream.IntStream.range(0, cycles).toArray();
        List<double[]> byCycle = Units.of(dense, List.of(every), Units.Kind.BLOCKS, blockCycles);
        List<double[]> byValue = Units.of(dense, Units.Kind.BLOCKS, blockCycles);
        assertEquals(byValue.size(), byCycle.size());
        for (int i = 0; i < byValue.size(); i++) {
            assertEquals(Arrays.toString(byValue.get(i)), Arrays.toString(byCycle.get(i)));
        }
    }
}
