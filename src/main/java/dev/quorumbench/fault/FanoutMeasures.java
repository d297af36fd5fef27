package dev.quorumbench.fault;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns what a {@link FanoutWatch} saw around a kill into the fault event's measurements and its one sentence
 * (pure). "Landed" is just after the SIGKILL to node-0's pid returned: from then on node-0 runs no code, so an
 * answer passed back to it later was never read.
 */
final class FanoutMeasures {

    private FanoutMeasures() {
    }

    /**
     * @param came        the moment came within the wait (false: the kill was the labelled fallback)
     * @param armedNanos  when the watch was armed (the fire point)
     * @param landedNanos just after the SIGKILL to node-0 returned
     * @param seen        the watch, frozen once the kill was verified
     */
    static Map<String, Long> of(FanoutWatch.Moment moment, boolean came, long armedNanos, long landedNanos,
                                FanoutWatch.Seen seen) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("fanout_fallback", came ? 0L : 1L);
        m.put("fanout_wait_us", micros(landedNanos - armedNanos));
        if (seen.pushSeen() && seen.pushNanos() - landedNanos <= 0) {
            m.put("push_peer", (long) seen.pushPeer());
            m.put("push_to_kill_us", micros(landedNanos - seen.pushNanos()));
            m.put("push_in_flight_at_kill", seen.pushAnsweredBy(landedNanos) ? 0L : 1L);
        }
        m.put("pushes_started", (long) seen.pushesStarted());
        m.put("pushes_answered", (long) seen.pushesAnswered());
        boolean answered = seen.answerPeer() >= 0 && seen.answerNanos() - landedNanos <= 0;
        m.put("push_answered_before_kill", answered ? 1L : 0L);
        if (moment == FanoutWatch.Moment.PEER_ANSWERED && answered) {
            m.put("answer_peer", (long) seen.answerPeer());
            m.put("answer_to_kill_us", micros(landedNanos - seen.answerNanos()));
        }
        return m;
    }

    static String sentence(FanoutWatch.Moment moment, boolean came, long waitMs, long pid, long landedNanos,
                           FanoutWatch.Seen seen) {
        if (!came) {
            String what = moment == FanoutWatch.Moment.PUSH_STARTED ? "no push left node-0 through the link proxies"
                    : "no push answer passed back to node-0";
            return "SIGKILL pid " + pid + " (node-0) at once (fallback): " + what + " within " + waitMs + " ms";
        }
        if (moment == FanoutWatch.Moment.PUSH_STARTED) {
            return "SIGKILL pid " + pid + " (node-0) landed " + micros(landedNanos - seen.pushNanos())
                    + " µs after its push to node-" + seen.pushPeer() + " started"
                    + (seen.pushAnsweredBy(landedNanos) ? ", after that push was answered" : ", push unanswered");
        }
        return "SIGKILL pid " + pid + " (node-0) landed " + micros(landedNanos - seen.answerNanos())
                + " µs after node-" + seen.answerPeer() + "'s push answer passed back to it";
    }

    private static long micros(long nanos) {
        return nanos / 1_000L;
    }
}
