#!/usr/bin/env bash
# A soak campaign with the harness's memory and files sampled as it runs (issue "costs that stay flat").
#
# Usage: benchmarks/soak-rss.sh CAMPAIGN_ID [INTERVAL_S=10] -- [campaign options...]
#   e.g. benchmarks/soak-rss.sh soak-2000 10 -- --faults partition_minority --cycles 2000 --writes 100
# JAVA_OPTS (e.g. -Djmh.ignoreLock=true for a soak beside other JMH work) go to the main java command.
# Runs `java -jar target/benchmarks.jar --campaign-id CAMPAIGN_ID --runs-dir ${RUNS_DIR:-runs} <options>` and every INTERVAL_S seconds appends
# to <runs dir>/CAMPAIGN_ID/rss.csv: seconds since start, the main process's RSS, the JMH fork's pid and RSS (kB, from
# /proc), and the bytes of the class's JSONL and .hlog so far. At the end prints, per fork, its RSS at the first
# sample after one minute, its maximum and its last sample, and the files' bytes per cycle.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: benchmarks/soak-rss.sh CAMPAIGN_ID [INTERVAL_S] -- [campaign options...]" >&2; exit 2; }
id=$1; shift
interval=10
if [ $# -ge 1 ] && [ "$1" != "--" ]; then interval=$1; shift; fi
[ "${1:-}" = "--" ] && shift
runs=${RUNS_DIR:-runs}
dir="$runs/$id"
java ${JAVA_OPTS:-} -jar target/benchmarks.jar --campaign-id "$id" --runs-dir "$runs" "$@" &
main=$!
# The campaign never outlives this script, however it ends.
trap 'kill $main 2>/dev/null || true; wait $main 2>/dev/null || true' INT TERM EXIT
rss() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
bytes() { local n=0 f; for f in "$@"; do [ -f "$f" ] && n=$(( n + $(stat -c %s "$f") )); done; echo "$n"; }
start=$(date +%s)
for _ in $(seq 1 600); do [ -d "$dir" ] && break; sleep 0.1; done
echo "seconds,main_rss_kb,fork_pid,fork_rss_kb,jsonl_bytes,hlog_bytes" > "$dir/rss.csv"
while kill -0 "$main" 2>/dev/null; do
  fork=$(pgrep -P "$main" -f 'ForkedMain' | head -1 || true)
  jsonl=$(bytes "$dir"/phase4-*.jsonl)
  hlog=$(bytes "$dir"/latency-*.hlog)
  echo "$(( $(date +%s) - start )),$(rss "$main"),${fork:-0},$( [ -n "$fork" ] && rss "$fork" || echo 0),$jsonl,$hlog" >> "$dir/rss.csv"
  sleep "$interval"
done
set +e
wait "$main"
rc=$?
set -e
python3 - "$dir" <<'PY'
import csv, glob, json, os, sys
d = sys.argv[1]
rows = list(csv.DictReader(open(os.path.join(d, "rss.csv"))))
forks = {}
for r in rows:
    if r["fork_pid"] != "0" and int(r["fork_rss_kb"]) > 0:
        forks.setdefault(r["fork_pid"], []).append((int(r["seconds"]), int(r["fork_rss_kb"])))
print("| fork | samples | RSS after 1 min | max | last |")
print("|---|---:|---:|---:|---:|")
for pid, s in forks.items():
    t0 = s[0][0]
    settled = next((v for t, v in s if t - t0 >= 60), s[-1][1])
    print("| %s | %d | %.0f MB | %.0f MB | %.0f MB |" % (pid, len(s), settled / 1024, max(v for _, v in s) / 1024, s[-1][1] / 1024))
main = [int(r["main_rss_kb"]) for r in rows if int(r["main_rss_kb"]) > 0]
if main:
    print("main process RSS: first %.0f MB, max %.0f MB, last %.0f MB" % (main[0] / 1024, max(main) / 1024, main[-1] / 1024))
cycles = 0
for f in glob.glob(os.path.join(d, "phase4-*.jsonl")):
    cycles += sum(1 for _ in open(f))
size = sum(os.path.getsize(f) for f in glob.glob(os.path.join(d, "phase4-*.jsonl")))
hsize = sum(os.path.getsize(f) for f in glob.glob(os.path.join(d, "latency-*.hlog")))
if cycles:
    print("files: %d cycles, JSONL %d bytes/cycle, .hlog %d bytes/cycle" % (cycles, size / cycles, hsize / cycles))
PY
exit $rc
