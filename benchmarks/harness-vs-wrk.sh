#!/usr/bin/env bash
# The harness's write path against wrk on the same node, turn by turn (issue "campaign time at the floor").
#
# Starts three reference nodes (W=2 of 3, peers linked directly) from target/benchmarks.jar, then alternates
# ROUNDS times: wrk -t1 -c1 posting ai-memory's write body (a fresh title per request, as the campaign does),
# and the JMH QuorumWriteBenchmark (throughput, one thread, the campaign's WriteClient over the declarative
# ai-memory protocol; warm-up WARMUP_S, then three iterations of SECONDS, the second reported) against node-0.
# Prints writes/s of each turn and the ratio of the medians.
# Each turn also records CPU per write from /proc: wrk's own (/usr/bin/time), the three nodes', and the harness fork's
# per thread (write thread, JIT compilers, deadline timer, GC), and the end prints their medians: where the gap goes.
# Usage: benchmarks/harness-vs-wrk.sh [ROUNDS=3] [SECONDS=10]   (env WARMUP_S=20: the harness fork's JMH warm-up;
#   JMH_JAVA_OPTS: options of the JMH launcher)
#   needs: wrk (Debian package), curl, /usr/bin/time
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
secs=${2:-10}
jar=target/benchmarks.jar
command -v wrk >/dev/null || { echo "harness-vs-wrk: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -f "$jar" ] || { echo "harness-vs-wrk: $jar missing (mvn -B package -DskipTests)" >&2; exit 2; }
work=$(mktemp -d -t quorumbench-wrk.XXXXXX)
pids=()
others=()
cleanup() {
  for p in "${others[@]}" "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
ports=(19591 19592 19593)
for i in 0 1 2; do
  peers=()
  for j in 0 1 2; do [ "$j" = "$i" ] || peers+=("http://127.0.0.1:${ports[$j]}"); done
  java -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$jar" dev.quorumbench.cli.Main node serve \
    --host 127.0.0.1 --port "${ports[$i]}" --quorum-writes 2 --quorum-peers "$(IFS=,; echo "${peers[*]}")" \
    --db "$work/node-$i.db" --node-id "node-$i" --parent-pid $$ >"$work/node-$i.log" 2>&1 &
  pids+=($!)
done
node0="http://127.0.0.1:${ports[0]}"
for i in 0 1 2; do
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "http://127.0.0.1:${ports[$i]}/api/v1/health" && break
    sleep 0.1
  done
  curl -sf -o /dev/null "http://127.0.0.1:${ports[$i]}/api/v1/health" \
    || { echo "harness-vs-wrk: node-$i did not come up in 30 s: $(tail -1 "$work/node-$i.log")" >&2; exit 4; }
done
cat >"$work/post.lua" <<'LUA'
-- ai-memory's write body as the campaign sends it, a fresh title per request.
local n = 0
local ns = "qb-wrk-" .. os.time()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local id = ns .. "-" .. n
  local body = '{"tier":"mid","namespace":"' .. ns .. '","title":"' .. id .. '","content":"no-fault latency probe",'
    .. '"tags":["quorumbench"],"priority":5,"confidence":1.0,"source":"quorumbench","metadata":{"write_id":"'
    .. id .. '"},"on_conflict":"merge"}'
  return wrk.format(nil, "/api/v1/memories", nil, body)
end
LUA
# CPU per write, from /proc (clock ticks of 10 ms): the nodes', wrk's, and the harness fork's per thread (its write
# thread, the JIT compilers, the deadline timer, GC), so the gap can be split into where it goes.
ticks() { local t=0 p s; for p in "$@"; do s=$(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0); t=$((t + s)); done; echo "$t"; }
threads() { # name<TAB>user<TAB>sys per thread of pid $1
  local f
  for f in /proc/"$1"/task/*/stat; do
    awk '{ n = $0; sub(/^[^(]*\(/, "", n); sub(/\).*$/, "", n); r = $0; sub(/^.*\) /, "", r); split(r, a, " ");
           gsub(/[ \t]/, "_", n); print n "\t" a[12] "\t" a[13] }' "$f" 2>/dev/null || true
  done
}
# The harness turn runs JMH with a warm-up long enough for the fork's JIT to settle (WARMUP_S, default 20 s) and three
# measurement iterations; the second is the one reported and the one whose CPU is sampled, while the fork surely lives.
warm=${WARMUP_S:-20}
# The nodes are fresh JVMs: one discarded wrk turn warms them, so the first measured turn of either side is not colder.
wrk -t1 -c1 -d"${warm}s" -s "$work/post.lua" "$node0" >/dev/null
log="$work/rounds.tsv"
: >"$log"
for r in $(seq 1 "$rounds"); do
  n0=$(ticks "${pids[@]}")
  /usr/bin/time -f "%U %S" -o "$work/wrk-time-$r" wrk -t1 -c1 -d"${secs}s" -s "$work/post.lua" "$node0" >"$work/wrk-$r.log"
  n1=$(ticks "${pids[@]}")
  w=$(awk '/Requests\/sec/ {print $2}' "$work/wrk-$r.log")
  jl="$work/jmh-$r.log"
  : >"$jl"
  java ${JMH_JAVA_OPTS:-} -cp "$jar" org.openjdk.jmh.Main QuorumWriteBenchmark -p node="$node0" -p links=direct \
    -bm thrpt -tu s -f 1 -wi 1 -w "${warm}s" -i 3 -r "${secs}s" >"$jl" 2>&1 &
  jmh=$!
  others=("$jmh")
  until grep -q '^Iteration   1: .*ops/s' "$jl"; do
    kill -0 "$jmh" 2>/dev/null || { echo "harness-vs-wrk: JMH ended early: $(tail -3 "$jl")" >&2; exit 4; }
    sleep 0.05
  done
  fork=$(pgrep -P "$jmh" -f ForkedMain | head -1)
  threads "$fork" >"$work/t0-$r"; h0=$(ticks "${pids[@]}"); s0=$(date +%s.%N)
  until grep -q '^Iteration   2: .*ops/s' "$jl"; do sleep 0.05; done
  threads "$fork" >"$work/t1-$r"; h1=$(ticks "${pids[@]}"); s1=$(date +%s.%N)
  wait "$jmh" || { echo "harness-vs-wrk: JMH failed: $(tail -3 "$jl")" >&2; exit 4; }
  h=$(awk '/^Iteration   2:/ {print $3}' "$jl")
  python3 - "$r" "$w" "$(cat "$work/wrk-time-$r")" "$((n1 - n0))" "$secs" "$h" "$((h1 - h0))" "$s0" "$s1" \
      "$work/t0-$r" "$work/t1-$r" >>"$log" <<'PY'
import collections, sys
r, w, wrk_cpu, wrk_nodes, secs, h, h_nodes, s0, s1, t0, t1 = sys.argv[1:]
w, h = float(w), float(h)
wrk_writes = w * float(secs)
h_writes = h * (float(s1) - float(s0))
def per_thread(path):
    d = collections.Counter()
    for line in open(path):
        name, user, sys_ = line.rstrip("\n").split("\t")
        # /proc truncates names to 15 characters: JMH's worker thread ("dev.quorumbench.bench...-jmh-worker-1")
        # shows as "dev.quorumbench", the JIT's as "C2 CompilerThre"
        kind = "jit" if "Compiler" in name else "timer" if name.startswith("http-deadline") else \
            "write" if name.startswith("dev.quorumbench") else "gc" if name.startswith(("G1", "GC")) else "other"
        d[kind + "_user"] += int(user)
        d[kind + "_sys"] += int(sys_)
    return d
a, b = per_thread(t0), per_thread(t1)
us = lambda ticks, n: ticks * 10000.0 / n if n else 0.0
u, s_ = wrk_cpu.split()
row = {"round": r, "wrk": w, "harness": h,
       "wrk_client_us": (float(u) + float(s_)) * 1e6 / wrk_writes, "wrk_nodes_us": us(int(wrk_nodes), wrk_writes),
       "harness_nodes_us": us(int(h_nodes), h_writes)}
for k in ("write", "jit", "timer", "gc", "other"):
    row[k + "_user_us"] = us(b[k + "_user"] - a[k + "_user"], h_writes)
    row[k + "_sys_us"] = us(b[k + "_sys"] - a[k + "_sys"], h_writes)
print("\t".join("%s=%s" % (k, v) for k, v in row.items()))
PY
  echo "round $r: wrk $w writes/s, harness $h writes/s"
done
python3 - "$log" <<'PY'
import statistics, sys
rows = [dict(kv.split("=", 1) for kv in line.rstrip("\n").split("\t")) for line in open(sys.argv[1])]
col = lambda k: [float(x[k]) for x in rows]
med = statistics.median
w, h = col("wrk"), col("harness")
print("median: wrk %.1f writes/s (%.0f-%.0f), harness %.1f writes/s (%.0f-%.0f), harness/wrk = %.2f "
      "(per round %s)" % (med(w), min(w), max(w), med(h), min(h), max(h), med(h) / med(w),
                          " ".join("%.2f" % (b / a) for a, b in zip(w, h))))
print("CPU per write, median of rounds (us; user+sys):")
print("  wrk turn:     wrk client %.0f, nodes %.0f" % (med(col("wrk_client_us")), med(col("wrk_nodes_us"))))
parts = [(k, med([a + b for a, b in zip(col(k + "_user_us"), col(k + "_sys_us"))])) for k in
         ("write", "jit", "timer", "gc", "other")]
print("  harness turn: harness %.0f (%s), nodes %.0f" % (sum(v for _, v in parts),
      ", ".join("%s thread %.0f" % (k, v) if k in ("write", "timer") else "%s %.0f" % (k, v) for k, v in parts),
      med(col("harness_nodes_us"))))
print("  harness write thread: user %.0f, sys %.0f" % (med(col("write_user_us")), med(col("write_sys_us"))))
PY
