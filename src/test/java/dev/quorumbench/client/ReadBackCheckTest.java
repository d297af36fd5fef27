package dev.quorumbench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorumbench.run.CycleRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadBackCheckTest {

    /** Node listings are written "a b c | a b | -" where '-' is an unreadable node. */
    @ParameterizedTest(name = "acked [{0}] indeterminate [{1}] nodes [{2}]")
    @CsvSource(delimiter = ';', value = {
            // acked; indeterminate; listings; present; lost; indet.Present; accepted; acceptedPresent; duplicates; converged
            "a b c; ;      a b c | a b c | a b c;         3 3 3;  ;    0; 3; 3 3 3;  0; true",
            "a b c; ;      a b c | a b | a b c;           3 2 3;  c;   0; 3; 3 2 3;  0; false",
            "a b c; ;      a b c | - | a b c;             3 -1 3; ;    0; 3; 3 -1 3; 0; false",
            "a b c; d;     a b c d | a b c | a b c;       3 3 3;  ;    1; 4; 4 3 3;  0; false",
            "a b c; d;     a b c d | a b c d | a b c d;   3 3 3;  ;    1; 4; 4 4 4;  0; true",
            "a b c; d e;   a b c | a b c e | a b c;       3 3 3;  ;    1; 4; 3 4 3;  0; false",
            "a b;   ;      a a b | a b | a b;             2 2 2;  ;    0; 2; 2 2 2;  1; true",
            "a b;   ;      | | ;                          0 0 0;  a b; 0; 2; 0 0 0;  0; false",
            " ;     x;     | | ;                          0 0 0;  ;    0; 0; 0 0 0;  0; true",
    })
    void comparesListingsWithWrites(String acked, String indeterminate, String listings, String present,
                                    String lost, int indeterminatePresent, int accepted, String acceptedPresent,
                                    int duplicates, boolean converged) {
        List<List<String>> nodes = Arrays.stream(listings.split("\\|", -1))
                .map(String::trim)
                .map(s -> s.equals("-") ? null : words(s))
                .collect(Collectors.toList());
        ReadBackCheck check = ReadBackCheck.of(Set.copyOf(words(acked)), Set.copyOf(words(indeterminate)), nodes);
        assertEquals(words(present).stream().map(Integer::valueOf).toList(), check.ackedPresent());
        assertEquals(words(lost), check.lostIds());
        assertEquals(indeterminatePresent, check.indeterminatePresent());
        assertEquals(accepted, check.accepted());
        assertEquals(words(acceptedPresent).stream().map(Integer::valueOf).toList(), check.acceptedPresent());
        assertEquals(duplicates, check.duplicates());
        assertEquals(converged, check.converged());
    }

    /** Where the in-flight writes ended: on every node, on some (a node unreadable counts against every), none. */
    @ParameterizedTest(name = "in flight [{0}] nodes [{1}]")
    @CsvSource(delimiter = ';', value = {
            // in flight; listings; writes on_all on_some on_none
            "a;       a b | a b | a b;      1 1 0 0",
            "a b;     a b | a | b;          2 0 2 0",
            "a b c;   a b | a | -;          3 0 2 1",
            "a;       a | - | a;            1 0 1 0",
            "a;       | | ;                 1 0 0 1",
            " ;       a | a | a;            0 0 0 0",
    })
    void saysWhereTheInFlightWritesEnded(String inFlight, String listings, String expected) {
        List<List<String>> nodes = Arrays.stream(listings.split("\\|", -1))
                .map(String::trim)
                .map(s -> s.equals("-") ? null : words(s))
                .collect(Collectors.toList());
        ReadBackCheck check = ReadBackCheck.of(Set.of(), Set.of(), Set.copyOf(words(inFlight)), nodes);
        int[] e = Arrays.stream(expected.split(" ")).mapToInt(Integer::parseInt).toArray();
        assertEquals(new CycleRecord.InFlight(e[0], e[1], e[2], e[3]), check.inFlight());
    }

    /** Rows a node lists that are none of the cycle's writes (a list ignoring its namespace filter) are counted. */
    @ParameterizedTest(name = "nodes [{0}]")
    @CsvSource(delimiter = ';', value = {
            // listings; foreign; duplicates
            "a b | a b | a b;                 0; 0",
            "a b other-ns-w1 | a b | a b;     1; 0",
            "a b x y | a b x | a b;           3; 0",
            "a b x x | a a b | a b;           1; 2",
            "d | d | d;                       0; 0",
    })
    void foreignRowsAreCounted(String listings, int foreign, int duplicates) {
        List<List<String>> nodes = Arrays.stream(listings.split("\\|", -1)).map(String::trim)
                .map(ReadBackCheckTest::words).collect(Collectors.toList());
        ReadBackCheck check = ReadBackCheck.of(Set.of("a", "b"), Set.of("d"), nodes);
        assertEquals(foreign, check.foreign());
        assertEquals(duplicates, check.duplicates());
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }
}
