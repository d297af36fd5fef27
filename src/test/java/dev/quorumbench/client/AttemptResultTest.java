package dev.quorumbench.client;

import dev.quorumbench.run.Outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttemptResultTest {

    @ParameterizedTest(name = "{0} error={1} valid={2} -> {3}, retry={4}, outcome={5}")
    @CsvSource(nullValues = "null", value = {
            "201, null,           true,  CREATED,         false, OK",
            "201, null,           false, GARBAGE,         true,  FAIL",
            "200, null,           true,  CREATED,         false, OK",
            "503, quorum_not_met, false, QUORUM_NOT_MET,  true,  QUORUM_NOT_MET",
            "503, null,           false, SERVER_ERROR,    true,  FAIL",
            "503, overloaded,     false, SERVER_ERROR,    true,  FAIL",
            "500, quorum_not_met, false, SERVER_ERROR,    true,  FAIL",
            "409, conflict,       false, CONFLICT,        false, FAIL",
            "400, bad_request,    false, REJECTED,        false, FAIL",
            "413, too_large,      false, REJECTED,        false, FAIL",
            "429, null,           false, SERVER_ERROR,    true,  FAIL",
            "408, null,           false, SERVER_ERROR,    true,  FAIL",
            "302, null,           false, GARBAGE,         true,  FAIL",
            "204, null,           false, GARBAGE,         true,  FAIL",
    })
    void classifiesStatusAndBody(int status, String error, boolean valid, AttemptResult expected, boolean retry,
                                 Outcome outcome) {
        AttemptResult r = AttemptResult.classify(status, error, valid);
        assertEquals(expected, r);
        assertEquals(retry, r.retryable());
        assertEquals(outcome, r.outcome());
    }

    @ParameterizedTest
    @CsvSource({"TRANSPORT_ERROR, true, FAIL", "TIMEOUT, true, FAIL"})
    void transportFailuresRetryAndEndAsFail(AttemptResult r, boolean retry, Outcome outcome) {
        assertEquals(retry, r.retryable());
        assertEquals(outcome, r.outcome());
    }
}
