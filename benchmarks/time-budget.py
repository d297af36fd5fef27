#!/usr/bin/env python3
"""Where a campaign's time went, per fault class, from a run directory's files alone.

Usage: benchmarks/time-budget.py RUN_DIR

For each class (in run order): cycles, wall time, seconds per cycle (mean, p50), and the p50 of each part of a
cycle: writes with the fault in the middle (cycle start to the end of the burst), node restart (recovery_ms,
kill class), read-back to convergence (converge_ms), the gap JMH leaves between cycles, and the class's start
(JMH fork, cluster start and warm-up cycles: from the previous class's last cycle, or the campaign start, to the
class's first recorded cycle). Reads campaign.json and phase4-<fault>.jsonl; writes nothing.
"""
import json
import os
import statistics
import sys


def p50(values):
    return statistics.median(values) if values else float("nan")


def main(run_dir):
    with open(os.path.join(run_dir, "campaign.json")) as f:
        campaign = json.load(f)
    previous_end = campaign.get("started_at_ms")
    print("| class | cycles | wall | s/cycle mean | s/cycle p50 | writes+fault p50 | restart p50 | read-back p50 "
          "| between cycles p50 | class start |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for fault in campaign["faults"]:
        path = os.path.join(run_dir, "phase4-%s.jsonl" % fault)
        if not os.path.exists(path):
            print("| %s | 0 | | | | | | | | |" % fault)
            continue
        rows = []
        with open(path) as f:
            for line in f:
                try:
                    rows.append(json.loads(line))
                except ValueError:
                    pass  # a cut last line of an interrupted run
        rows.sort(key=lambda r: r["cycle"])
        durations = [(r["cycle_end_ms"] - r["cycle_start_ms"]) / 1000 for r in rows]
        readback = [r.get("converge_ms", 0) / 1000 for r in rows]
        burst = [d - c for d, c in zip(durations, readback)]
        restart = [r["recovery_ms"] / 1000 for r in rows if r.get("recovery_ms") is not None]
        gaps = [(b["cycle_start_ms"] - a["cycle_end_ms"]) / 1000 for a, b in zip(rows, rows[1:])]
        wall = (rows[-1]["cycle_end_ms"] - rows[0]["cycle_start_ms"]) / 1000
        start = (rows[0]["cycle_start_ms"] - previous_end) / 1000 if previous_end else float("nan")
        previous_end = rows[-1]["cycle_end_ms"]
        print("| %s | %d | %.0f s | %.2f s | %.2f s | %.2f s | %s | %.3f s | %.3f s | %.1f s |" % (
            fault, len(rows), wall, wall / len(rows), p50(durations), p50(burst),
            "%.2f s" % p50(restart) if restart else "–", p50(readback), p50(gaps), start))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: benchmarks/time-budget.py RUN_DIR", file=sys.stderr)
        sys.exit(2)
    try:
        main(sys.argv[1])
    except (OSError, ValueError, KeyError) as e:
        print("time-budget: %s: %s" % (sys.argv[1], e), file=sys.stderr)
        sys.exit(2)
