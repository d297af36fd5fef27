package dev.quorumbench.analysis;

import dev.quorumbench.run.CampaignSpec;
import dev.quorumbench.run.Outcome;

/**
 * The largest files a real run of a campaign can write (pure), derived from its cycles × writes: a file past them
 * was not written by the harness for that campaign, and reading it could exhaust memory, so it is refused.
 *
 * <p>A JSONL line is about 1 KB plus, at most, one lost id (≈ 100 bytes) per write; an .hlog interval is one
 * compressed histogram per outcome of at most {@code writes} values. The bounds are several times those.
 */
public final class RunSizeLimits {

    /** Anything a line holds besides its lost ids: counts, the fault event, its detail and measurements. */
    static final long LINE_BASE_BYTES = 64 * 1024;
    /** Per write of the cycle: one lost id (namespace + "-w" + n, under 150 bytes) with quotes and a comma. */
    static final long LINE_PER_WRITE_BYTES = 512;
    /** The .hlog's comment header and legend. */
    static final long HLOG_HEADER_BYTES = 64 * 1024;
    /** One interval line: timestamps, tag, and the base64 of a deflated histogram. */
    static final long INTERVAL_BASE_BYTES = 4 * 1024;
    /** Per recorded value of an interval, compressed: a distinct latency costs a few bytes, 64 is ample. */
    static final long INTERVAL_PER_WRITE_BYTES = 64;

    private RunSizeLimits() {
    }

    /** The longest JSONL line a cycle of {@code writes} writes can produce. */
    public static long maxLineBytes(int writes) {
        return LINE_BASE_BYTES + LINE_PER_WRITE_BYTES * writes;
    }

    /** The largest {@code phase4-<fault>.jsonl} of {@code spec}: one line per cycle. */
    public static long maxCycleLogBytes(CampaignSpec spec) {
        return (spec.cycles() + 1L) * maxLineBytes(spec.writes());
    }

    /** The largest {@code latency-<fault>.hlog} of {@code spec}: per cycle one interval per outcome and one of all. */
    public static long maxLatencyLogBytes(CampaignSpec spec) {
        return HLOG_HEADER_BYTES + (spec.cycles() + 1L) * (Outcome.values().length + 1)
                * (INTERVAL_BASE_BYTES + INTERVAL_PER_WRITE_BYTES * spec.writes());
    }

    /** JMH's result: one benchmark object per fault class with its per-cycle raw data (a few numbers each). */
    public static long maxJmhResultBytes(CampaignSpec spec) {
        return 1024 * 1024 + (long) spec.faults().size() * (spec.cycles() + 1L) * 1024;
    }
}
