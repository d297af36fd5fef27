package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a kill timed to the wire records, from literal times (nanoseconds) of what the watch saw. */
class FanoutMeasuresTest {

    /**
     * Seen: push peer, push time, its answer time, pushes started, answered, answer peer, answer time.
     * Expected: the measurements, sorted by key.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the kill landed 300 µs after the push started, its answer came after: in flight
            "PUSH_STARTED | true | 0 | 1300000 | 1 1000000 1900000 1 1 1 1900000 | "
                    + "{fanout_fallback=0, fanout_wait_us=1300, push_answered_before_kill=0, push_in_flight_at_kill=1, "
                    + "push_peer=1, push_to_kill_us=300, pushes_answered=1, pushes_started=1}",
            // the answer passed back before the kill landed: not in flight, and said so
            "PUSH_STARTED | true | 0 | 3000000 | 2 1000000 2000000 2 1 2 2000000 | "
                    + "{fanout_fallback=0, fanout_wait_us=3000, push_answered_before_kill=1, push_in_flight_at_kill=0, "
                    + "push_peer=2, push_to_kill_us=2000, pushes_answered=1, pushes_started=2}",
            // no push within the wait: the fallback kill, no push figures
            "PUSH_STARTED | false | 0 | 2000000000 | -1 0 0 0 0 -1 0 | "
                    + "{fanout_fallback=1, fanout_wait_us=2000000, push_answered_before_kill=0, pushes_answered=0, "
                    + "pushes_started=0}",
            // after a peer's answer: how long after it the kill landed, and which peer
            "PEER_ANSWERED | true | 0 | 5000000 | 1 1000000 4000000 2 1 1 4000000 | "
                    + "{answer_peer=1, answer_to_kill_us=1000, fanout_fallback=0, fanout_wait_us=5000, "
                    + "push_answered_before_kill=1, push_in_flight_at_kill=0, push_peer=1, push_to_kill_us=4000, "
                    + "pushes_answered=1, pushes_started=2}",
            // a push that started after the fallback kill landed is not the push it landed on
            "PUSH_STARTED | false | 0 | 1000 | 1 5000 0 1 0 -1 0 | "
                    + "{fanout_fallback=1, fanout_wait_us=1, push_answered_before_kill=0, pushes_answered=0, "
                    + "pushes_started=1}",
    })
    void measurements(String moment, boolean came, long armed, long landed, String seen, String expected) {
        String[] v = seen.split(" ");
        FanoutWatch.Seen s = new FanoutWatch.Seen(Integer.parseInt(v[0]), Long.parseLong(v[1]), Long.parseLong(v[2]),
                Integer.parseInt(v[3]), Integer.parseInt(v[4]), Integer.parseInt(v[5]), Long.parseLong(v[6]));
        Map<String, Long> m = FanoutMeasures.of(FanoutWatch.Moment.valueOf(moment), came, armed, landed, s);
        assertEquals(expected, new TreeMap<>(m).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PUSH_STARTED | true | 1300000 | 1 1000000 0 | SIGKILL pid 42 (node-0) landed 300 µs after its push to node-1 started, push unanswered",
            "PUSH_STARTED | true | 3000000 | 2 1000000 2000000 | SIGKILL pid 42 (node-0) landed 2000 µs after its push to node-2 started, after that push was answered",
            "PUSH_STARTED | false | 5 | -1 0 0 | SIGKILL pid 42 (node-0) at once (fallback): no push left node-0 through the link proxies within 2000 ms",
            "PEER_ANSWERED | true | 5000000 | 1 1000000 4000000 | SIGKILL pid 42 (node-0) landed 1000 µs after node-1's push answer passed back to it",
    })
    void sentence(String moment, boolean came, long landed, String seen, String expected) {
        String[] v = seen.split(" ");
        long answer = Long.parseLong(v[2]);
        FanoutWatch.Seen s = new FanoutWatch.Seen(Integer.parseInt(v[0]), Long.parseLong(v[1]), answer, 1,
                answer == 0 ? 0 : 1, answer == 0 ? -1 : Integer.parseInt(v[0]), answer);
        assertEquals(expected, FanoutMeasures.sentence(FanoutWatch.Moment.valueOf(moment), came, 2000, 42, landed, s));
    }
}
