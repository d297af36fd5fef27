#!/usr/bin/env bash
# `analyze` of a 1,000,000-write run, timed (issue "costs that stay flat as campaigns grow": ≤ 10 s, ≤ 512 MB).
#
# Builds a synthetic but realistic run directory from a real one (default: the committed
# runs/baseline-phase4-20261128, 4 classes x 200 cycles x 100 writes) by repeating its cycles until each class has
# CYCLES of them: every JSONL line is renumbered (cycle 1..CYCLES, once each, in order) and its epoch timestamps are
# shifted by one source-run span per repetition; every .hlog interval is shifted the same way (the histograms
# themselves are the real ones); jmh-result.json's per-iteration raw data is repeated to CYCLES iterations; and
# campaign.json says CYCLES. Every check analyze makes on its input (cycle sequence, lost ids against their count,
# the size limits of RunSizeLimits) therefore holds, and the run must still PASS. Then it runs
#   /usr/bin/time -v java -Xmx512m -jar target/benchmarks.jar analyze DIR --out DIR/out
# RUNS times and prints wall time and maximum RSS of each, checks the exit code (0) and that phase4.json counts
# CYCLES x writes per class.
# Usage: benchmarks/analyze-1m.sh [CYCLES_PER_CLASS=2500] [RUNS=3] [SOURCE_RUN=runs/baseline-phase4-20261128]
#   (2,500 cycles x 100 writes x 4 classes = 1,000,000 writes)                 needs: python3, /usr/bin/time
#   env: XMX (default -Xmx512m, e.g. XMX=-Xmx64m to see how little heap it needs), JAVA_OPTS (e.g. a JFR
#   recording), KEEP=1 (leave the synthetic run in its temporary directory)
set -euo pipefail
cd "$(dirname "$0")/.."
cycles=${1:-2500}
runs=${2:-3}
src=${3:-runs/baseline-phase4-20261128}
jar=target/benchmarks.jar
[ -f "$jar" ] || { echo "analyze-1m: $jar missing (mvn -B package -DskipTests)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "analyze-1m: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
[ -f "$src/campaign.json" ] || { echo "analyze-1m: $src is not a run directory" >&2; exit 2; }
work=$(mktemp -d -t quorumbench-analyze-1m.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT INT TERM
dir="$work/run"
python3 - "$src" "$dir" "$cycles" <<'PY'
import json, os, re, sys
src, dst, cycles = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(dst)
camp = json.load(open(os.path.join(src, "campaign.json")))
faults = camp["faults"]

def load_lines(fault):
    with open(os.path.join(src, "phase4-%s.jsonl" % fault)) as f:
        return [json.loads(l) for l in f if l.strip()]

def shift(obj, ms):
    """Every epoch-millisecond field (a *_ms key holding a value after 2001) moves by ms; durations stay."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k.endswith("_ms") and isinstance(v, int) and v > 10**12:
                obj[k] = v + ms
            else:
                shift(v, ms)
    elif isinstance(obj, list):
        for v in obj:
            shift(v, ms)

# One repetition of the source run lasts from its first cycle's start to its last cycle's end, plus one gap.
spans = {}
for fault in faults:
    lines = load_lines(fault)
    n = len(lines)
    span = lines[-1]["cycle_end_ms"] - lines[0]["cycle_start_ms"]
    gap = (span // max(n - 1, 1)) if n > 1 else 1000
    spans[fault] = span + gap
    with open(os.path.join(dst, "phase4-%s.jsonl" % fault), "w") as out:
        for i in range(cycles):
            line = json.loads(json.dumps(lines[i % n]))
            line["cycle"] = i + 1
            shift(line, (i // n) * spans[fault])
            out.write(json.dumps(line, separators=(",", ":"), ensure_ascii=False) + "\n")
    # The .hlog: the header as is, then the source's intervals per cycle (tagged and untagged), shifted alike.
    with open(os.path.join(src, "latency-%s.hlog" % fault)) as f:
        text = f.read().splitlines()
    header = [l for l in text if l.startswith("#") or l.startswith('"')]
    intervals = [l for l in text if l and not (l.startswith("#") or l.startswith('"'))]
    per_cycle = len(intervals) / n
    assert per_cycle == int(per_cycle), "%s: %d intervals for %d cycles" % (fault, len(intervals), n)
    per_cycle = int(per_cycle)
    pat = re.compile(r"^((?:Tag=[^,]*,)?)([0-9.]+)(,.*)$")
    with open(os.path.join(dst, "latency-%s.hlog" % fault), "w") as out:
        out.write("\n".join(header) + "\n")
        for i in range(cycles):
            sec = (i // n) * spans[fault] / 1000.0
            for l in intervals[(i % n) * per_cycle:(i % n + 1) * per_cycle]:
                m = pat.match(l)
                out.write("%s%.3f%s\n" % (m.group(1), float(m.group(2)) + sec, m.group(3)))

# jmh-result.json: one measurement iteration per cycle, so each raw-data list is repeated to CYCLES entries.
jmh_path = os.path.join(src, "jmh-result.json")
if os.path.exists(jmh_path):
    jmh = json.load(open(jmh_path))
    def stretch(metric):
        metric["rawData"] = [[fork[i % len(fork)] for i in range(cycles)] for fork in metric.get("rawData", [])]
    for b in jmh:
        b["measurementIterations"] = cycles
        stretch(b["primaryMetric"])
        for m in b.get("secondaryMetrics", {}).values():
            stretch(m)
    json.dump(jmh, open(os.path.join(dst, "jmh-result.json"), "w"), indent=4)

camp["cycles"] = cycles
camp["campaign_id"] = camp["campaign_id"] + "-x%d" % cycles
camp["run_dir"] = dst
json.dump(camp, open(os.path.join(dst, "campaign.json"), "w"), indent=2)
PY
writes=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["writes"])' "$dir/campaign.json")
nfaults=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["faults"]))' "$dir/campaign.json")
echo "synthetic run: $nfaults classes x $cycles cycles x $writes writes = $(( nfaults * cycles * writes )) writes," \
  "$(du -sh "$dir" | cut -f1) on disk (from $src)"
mkdir -p "$dir/out"
for r in $(seq 1 "$runs"); do
  set +e
  /usr/bin/time -v -o "$work/time-$r.txt" java ${XMX:--Xmx512m} ${JAVA_OPTS:-} -jar "$jar" analyze "$dir" --out "$dir/out" >"$work/analyze-$r.log" 2>&1
  rc=$?
  set -e
  [ "$rc" = 0 ] || { echo "analyze-1m: analyze exited $rc:" >&2; tail -5 "$work/analyze-$r.log" >&2; exit 1; }
  python3 - "$work/time-$r.txt" "$dir/out/phase4.json" "$r" "$(( cycles * writes ))" <<'PY'
import json, re, sys
t = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1)
parts = [float(p) for p in wall.split(":")]
secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
cpu = float(re.search(r"User time \(seconds\): (\S+)", t).group(1)) + float(re.search(r"System time \(seconds\): (\S+)", t).group(1))
p = json.load(open(sys.argv[2]))
want = int(sys.argv[4])
counted = {k: v["writes"] for k, v in p["faults"].items()}
bad = {k: v for k, v in counted.items() if v != want}
if bad:
    sys.exit("analyze-1m: phase4.json counts %s writes, expected %d per class" % (bad, want))
print("run %s: analyze exit 0 (%s), %d writes, wall %.2f s, CPU %.2f s, max RSS %d MB" % (
    sys.argv[3], "PASS" if p["pass"] else "FAIL", sum(counted.values()), secs, cpu, rss // 1024))
PY
done
