package dev.quorumbench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quorumbench.store.AttemptResult;
import dev.quorumbench.store.FakeStore;
import dev.quorumbench.store.WriteItem;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Definite versus indeterminate (Jepsen's :fail versus :info) through the real retry loop: each row scripts the
 * attempts of one write on a fake store and names the bucket its final outcome lands in. A write is a definite
 * failure only when no attempt of it could have taken effect.
 */
class WriteOutcomeTest {

    /** 60 ms per write, 1 ms pauses: scripts whose last result retries run into the deadline quickly. */
    private static final RetryPolicy FAST = new RetryPolicy(60, 1, 1);

    @ParameterizedTest(name = "{0} -> {1} after {2} attempt(s)")
    @CsvSource({
            // attempts of the write (the last repeats) | bucket | attempts (0: until the deadline, at least 2)
            "CREATED,                          ok,                 1",
            "TIMEOUT CREATED,                  ok,                 2",
            "QUORUM_NOT_MET CREATED,           ok,                 2",
            "QUORUM_NOT_MET,                   quorum_not_met,     0",
            "CONFLICT,                         fail_indeterminate, 1",
            "REJECTED,                         fail_definite,      1",
            "NOT_SENT BUSY REJECTED,           fail_definite,      3",
            "NOT_SENT,                         fail_definite,      0",
            "BUSY,                             fail_definite,      0",
            "TIMEOUT CONFLICT,                 fail_indeterminate, 2",
            "QUORUM_NOT_MET REJECTED,          fail_indeterminate, 2",
            "CONNECTION_LOST NOT_SENT,         fail_indeterminate, 0",
            "SERVER_ERROR BUSY CONFLICT,       fail_indeterminate, 3",
            "TIMEOUT,                          fail_indeterminate, 0",
            "CONNECTION_LOST,                  fail_indeterminate, 0",
            "GARBAGE,                          fail_indeterminate, 0",
            "SERVER_ERROR,                     fail_indeterminate, 0",
    })
    void finalOutcomeLandsInItsBucket(String script, String bucket, int attempts) {
        AttemptResult[] results = Arrays.stream(script.trim().split(" +")).map(AttemptResult::valueOf)
                .toArray(AttemptResult[]::new);
        FakeStore store = new FakeStore(1).script("w1", results);
        WriteResult r = new WriteClient(store, FAST, 1_000)
                .write(FakeStore.url(0), store.prepare(new WriteItem("ns", "w1", "v")), System.nanoTime());
        assertEquals(bucket, bucket(r), r.toString());
        if (attempts > 0) {
            assertEquals(attempts, r.attempts(), r.toString());
        } else {
            assertTrue(r.attempts() >= 2, "retried until the deadline: " + r);
        }
        assertEquals(results[results.length - 1], r.last());
    }

    @ParameterizedTest(name = "last={0} anyEffect={1} -> definite={2}")
    @CsvSource({
            "CREATED,         false, true",
            "CREATED,         true,  true",
            "QUORUM_NOT_MET,  true,  false",
            "REJECTED,        false, true",
            "CONFLICT,        true,  false",
            "NOT_SENT,        false, true",
            "NOT_SENT,        true,  false",
            "TIMEOUT,         true,  false",
    })
    void definiteIsAPureFunctionOfTheLastAttemptAndTheHistory(AttemptResult last, boolean anyEffect, boolean definite) {
        assertEquals(definite, WriteResult.definite(last, anyEffect));
    }

    static String bucket(WriteResult r) {
        return switch (r.outcome()) {
            case OK -> r.definite() ? "ok" : "ok?";
            case QUORUM_NOT_MET -> r.definite() ? "quorum_not_met!" : "quorum_not_met";
            case FAIL -> r.definiteFailure() ? "fail_definite" : "fail_indeterminate";
        };
    }
}
