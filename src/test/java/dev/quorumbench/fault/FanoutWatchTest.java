package dev.quorumbench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The push watch, fed literal chunks: which chunk is the moment, and what it kept. */
class FanoutWatchTest {

    private static final String PUSH = "POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\n\r\n{}";
    private static final String PULL = "GET /api/v1/sync/since?seq=0&limit=1000 HTTP/1.1\r\n\r\n";
    private static final String BODY = "{\"sender\":\"node-0\",\"memories\":[]}";
    private static final String ANSWER = "HTTP/1.1 200 OK\r\n\r\n{}";

    /**
     * Chunks as "time peer connection direction what", direction {@code >} node-0's bytes, {@code <} the answer;
     * what is PUSH, PULL, BODY or ANSWER. Expected: the index of the chunk that is the moment (-1: none), then the
     * frozen record: push peer, push time, its answer time, pushes started, pushes answered, answer peer, time.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the first push's first chunk is the moment; its answer comes later
            "PUSH_STARTED | 10 1 1 > PUSH; 20 1 1 < ANSWER | 0 | 1 10 20 1 1 1 20",
            // a sync pull and a body continuation are not pushes; the answer to the pull is not a push answer
            "PUSH_STARTED | 5 2 3 > PULL; 6 2 3 < ANSWER; 7 1 1 > BODY; 8 2 4 > PUSH | 3 | 2 8 0 1 0 -1 0",
            // pushes to both peers: the second one is not a second moment
            "PUSH_STARTED | 10 1 1 > PUSH; 11 2 1 > PUSH; 30 2 1 < ANSWER | 0 | 1 10 0 2 1 2 30",
            // the first answer is the moment; it is node-2's, to the second push
            "PEER_ANSWERED | 10 1 1 > PUSH; 11 2 1 > PUSH; 30 2 1 < ANSWER; 40 1 1 < ANSWER | 2 | 1 10 40 2 2 2 30",
            // an answer on a connection with no push pending (a pull's) is no moment
            "PEER_ANSWERED | 5 1 2 > PULL; 6 1 2 < ANSWER | -1 | -1 0 0 0 0 -1 0",
            // the same connection reused: the answer pairs with the push pending on it, once
            "PEER_ANSWERED | 10 1 1 > PUSH; 20 1 1 < ANSWER; 21 1 1 < ANSWER; 30 1 1 > PUSH | 1 | 1 10 20 2 1 1 20",
    })
    void theMomentAndTheRecord(String moment, String chunks, int expectedMoment, String expected) {
        FanoutWatch watch = new FanoutWatch(FanoutWatch.Moment.valueOf(moment));
        List<Integer> moments = new ArrayList<>();
        String[] list = chunks.split("; ");
        for (int i = 0; i < list.length; i++) {
            String[] c = list[i].split(" ");
            byte[] bytes = text(c[4]).getBytes(StandardCharsets.US_ASCII);
            byte[] buf = new byte[bytes.length + 16]; // a pump's buffer is larger than the chunk
            System.arraycopy(bytes, 0, buf, 0, bytes.length);
            if (watch.passed(Integer.parseInt(c[1]), Long.parseLong(c[2]), c[3].equals(">"), buf, bytes.length,
                    Long.parseLong(c[0]))) {
                moments.add(i);
            }
        }
        assertEquals(expectedMoment < 0 ? List.of() : List.of(expectedMoment), moments);
        FanoutWatch.Seen s = watch.freeze();
        assertEquals(expected, s.pushPeer() + " " + s.pushNanos() + " " + s.pushAnswerNanos() + " "
                + s.pushesStarted() + " " + s.pushesAnswered() + " " + s.answerPeer() + " " + s.answerNanos());
        // frozen: nothing more is kept
        watch.passed(1, 99, true, PUSH.getBytes(StandardCharsets.US_ASCII), PUSH.length(), 999);
        assertEquals(s, watch.freeze());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POST /api/v1/sync/push HTTP/1.1 | true",
            "POST /api/v1/sync/push | true",
            "POST /api/v1/sync/pus | false",
            "POST /api/v1/memories HTTP/1.1 | false",
            "post /api/v1/sync/push HTTP/1.1 | false",
    })
    void aPushIsTheChunkThatStartsWithItsRequestLine(String chunk, boolean push) {
        byte[] b = (chunk.endsWith("push") ? chunk + " " : chunk).getBytes(StandardCharsets.US_ASCII);
        assertEquals(push, FanoutWatch.startsWith(b, b.length, FanoutWatch.PUSH_REQUEST));
    }

    private static String text(String what) {
        return switch (what) {
            case "PUSH" -> PUSH;
            case "PULL" -> PULL;
            case "BODY" -> BODY;
            case "ANSWER" -> ANSWER;
            default -> throw new IllegalArgumentException(what);
        };
    }
}
