#!/usr/bin/env python3
"""False-alarm and detection rates of the pull-request preset (issue 10, item 4).

Usage: benchmarks/ab-rates.py N [-- extra run options...]
       benchmarks/ab-rates.py --regate RUNS_DIR [compare options...]
  e.g. benchmarks/ab-rates.py 20
       benchmarks/ab-rates.py --regate runs/ab-rates-20261129T032156Z --gate-metrics latency

Runs N A/A campaigns (head arm = base arm) and N A/B campaigns (head arm's reference nodes started with
--extra-latency-ms 3, a +3 ms slowdown of every write) of `--preset pr`, alternating A/A and A/B so machine load
drifts over both kinds alike. Each campaign runs under `flock /tmp/qb-serial.lock` (campaigns take turns with other
users of the machine-wide JMH lock); its wall time is measured inside the lock, so waiting for it is not counted.
Prints one line per campaign and then:
  A/A false alarms k/N   campaigns whose head vs base comparison exited 3 (regression) with nothing changed
  A/B caught       k/N   campaigns that exited 3 with the +3 ms head
and the wall times (min / median / max). Any other exit (1 a class failed its bounds, 4 harness) is listed apart:
it is neither an alarm nor a catch. Runs go to $RUNS_DIR (default runs/ab-rates-<UTC time>); the jar is
target/benchmarks.jar (build it first: mvn -B -q -o package -DskipTests).

--regate RUNS_DIR compares the arms of every campaign a measurement left there again (`compare base head`, each
campaign's own ABBA blocks, node_args allowed to differ) with the given compare options, under the strict gate, and
counts exits 3 (regression) and 5 (inconclusive: a strict gate would hold the pull request) for A/A and A/B, once
with the pr preset's gate family (ab.gate_metrics in benchmarks/pr.json) and once gating every metric, or once
with the family given among the compare options (--gate-metrics). It runs no
campaign, so it does not need the JMH lock: it shows what another gate would have said on the same campaigns.
"""
import json
import os
import statistics
import subprocess
import sys
import time

LOCK = "/tmp/qb-serial.lock"
SLOWDOWN = "--extra-latency-ms 3"
# Runs the command and prints its wall time in ms on the last stderr line; inside flock, so the lock wait is excluded.
TIMED = 's=$(date +%s%N); "$@"; rc=$?; e=$(date +%s%N); echo "AB_RATES_WALL_MS $(( (e - s) / 1000000 ))" >&2; exit $rc'


def main(argv):
    if argv and argv[0] == "--regate":
        return regate(argv[1:])
    if not argv or not argv[0].isdigit() or int(argv[0]) < 1:
        print("usage: benchmarks/ab-rates.py N [-- extra run options...]", file=sys.stderr)
        return 2
    n = int(argv[0])
    extra = argv[2:] if len(argv) > 1 and argv[1] == "--" else argv[1:]
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    jar = "target/benchmarks.jar"
    if not os.path.isfile(jar):
        print(f"ab-rates: {jar} missing; build it with mvn -B -q -o package -DskipTests", file=sys.stderr)
        return 2
    runs = os.environ.get("RUNS_DIR") or "runs/ab-rates-" + time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    os.makedirs(runs, exist_ok=True)
    results = {"aa": [], "ab": []}
    for i in range(1, n + 1):
        for kind in ("aa", "ab"):
            cid = f"{kind}-{i:02d}"
            cmd = ["flock", LOCK, "bash", "-c", TIMED, "bash", "java", "-jar", jar, "run", "--preset", "pr",
                   "--campaign-id", cid, "--runs-dir", runs] + extra
            if kind == "ab":
                cmd += ["--ab-head-node-args", SLOWDOWN]
            with open(os.path.join(runs, cid + ".log"), "w") as log:
                p = subprocess.run(cmd, stdout=log, stderr=subprocess.PIPE, text=True)
                log.write(p.stderr)
            wall = None
            for line in p.stderr.splitlines():
                if line.startswith("AB_RATES_WALL_MS "):
                    wall = int(line.split()[1]) / 1000.0
            verdict = headline(os.path.join(runs, cid))
            results[kind].append((cid, p.returncode, wall, verdict))
            print(f"{cid}  exit {p.returncode}  wall {fmt(wall)}  {verdict}", flush=True)
    print()
    print(f"A/A false alarms {sum(1 for r in results['aa'] if r[1] == 3)}/{n}  (exit 3 with head = base)")
    print(f"A/B caught       {sum(1 for r in results['ab'] if r[1] == 3)}/{n}  (exit 3 with head {SLOWDOWN})")
    print(f"A/A inconclusive {sum(1 for r in results['aa'] if r[3].startswith('inconclusive'))}/{n}"
          "  (compare's outcome: a run with --gate strict would have exited 5)")
    other = [r for k in ("aa", "ab") for r in results[k] if r[1] not in (0, 3)]
    if other:
        print("other exits (neither alarm nor catch): " + ", ".join(f"{r[0]} exit {r[1]}" for r in other))
    walls = [r[2] for k in ("aa", "ab") for r in results[k] if r[2] is not None]
    if walls:
        print(f"wall time per campaign: min {fmt(min(walls))}  median {fmt(statistics.median(walls))}  "
              f"max {fmt(max(walls))}  (n={len(walls)})")
    print(f"runs in {runs}")
    return 0


def regate(argv):
    """Compares every campaign's arms again under the strict gate (see --regate above)."""
    if not argv or not os.path.isdir(argv[0]):
        print("usage: benchmarks/ab-rates.py --regate RUNS_DIR [compare options...]", file=sys.stderr)
        return 2
    runs, options = os.path.abspath(argv[0]), argv[1:]
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    with open("benchmarks/pr.json") as f:
        family = ",".join(json.load(f)["ab"]["gate_metrics"])
    campaigns = sorted(d for d in os.listdir(runs) if d[:3] in ("aa-", "ab-") and os.path.isdir(os.path.join(runs, d)))
    if not campaigns:
        print(f"ab-rates: no aa-NN / ab-NN campaign directories in {runs}", file=sys.stderr)
        return 2
    passes = ((f"pr gate family ({family})", ["--gate-metrics", family]), ("every metric gated", []))
    if any(o == "--gate-metrics" or o.startswith("--gate-metrics=") for o in options):
        # A family of one's own is the one pass: added to either pass above, compare would refuse the option given
        # twice (exit 2 for every campaign) or gate it under the label "every metric gated".
        passes = (("the given gate family", []),)
    if not os.path.isfile("target/benchmarks.jar"):
        print("ab-rates: target/benchmarks.jar missing; build it with mvn -B -q -o package -DskipTests", file=sys.stderr)
        return 2
    for label, gate in passes:
        exits = {"aa": [], "ab": []}
        for cid in campaigns:
            cmd = ["java", "-jar", "target/benchmarks.jar", "compare", os.path.join(runs, cid, "base"),
                   os.path.join(runs, cid, "head"), "--allow-different", "node_args", "--gate", "strict",
                   "--format", "json"] + gate + options
            p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if p.returncode not in (0, 3, 5):
                print(f"{cid}: compare exit {p.returncode}: {p.stderr.strip()}", file=sys.stderr)
            exits[cid[:2]].append(p.returncode)
        print(f"{label}, --gate strict {' '.join(options)}".rstrip())
        for kind, word in (("aa", "A/A"), ("ab", "A/B")):
            e = exits[kind]
            other = len(e) - e.count(3) - e.count(5) - e.count(0)
            print(f"  {word}  exit 3 (regression) {e.count(3)}/{len(e)}  exit 5 (inconclusive) {e.count(5)}/{len(e)}"
                  f"  exit 0 {e.count(0)}/{len(e)}" + (f"  other exits {other}/{len(e)} (see above)" if other else ""))
    return 0


def headline(run_dir):
    """compare.json's outcome and the per-class p50 of each arm, or why there is none."""
    try:
        with open(os.path.join(run_dir, "compare.json")) as f:
            c = json.load(f)
        outcome = c.get("outcome", "?")
    except (OSError, ValueError):
        return "no compare.json"
    p50 = []
    for arm in ("base", "head"):
        try:
            with open(os.path.join(run_dir, arm, "phase4.json")) as f:
                faults = json.load(f).get("faults", {})
            p50.append(arm + " p50 " + "/".join(
                f"{v.get('latency_ms', {}).get('ok', {}).get('p50', float('nan')):.2f}" for v in faults.values()))
        except (OSError, ValueError, AttributeError):
            p50.append(arm + " ?")
    return f"{outcome}  ({', '.join(p50)} ms)"


def fmt(seconds):
    return "?" if seconds is None else f"{seconds:.0f} s"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
