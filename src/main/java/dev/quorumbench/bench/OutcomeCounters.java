package dev.quorumbench.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Per-cycle outcome counts that JMH reports as secondary metrics, so {@code jmh-result.json} carries them per
 * fault class. JMH zeroes the fields before every iteration. {@code Type.EVENTS}, because JMH drops {@code Type.OPERATIONS} counters in SingleShotTime.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class OutcomeCounters {
    public long ok;
    public long quorum_not_met;
    public long fail;
    public long lost_acknowledged;

}
