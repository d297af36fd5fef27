#!/usr/bin/env bash
# The harness's write path against wrk on the same node, turn by turn (issue "campaign time at the floor").
#
# Starts three reference nodes (W=2 of 3, peers linked directly) from target/benchmarks.jar, then alternates
# ROUNDS times: wrk -t1 -c1 posting ai-memory's write body (a fresh title per request, as the campaign does),
# and the JMH QuorumWriteBenchmark (throughput, one thread, the campaign's WriteClient over the declarative
# ai-memory protocol) against node-0. Prints writes/s of each turn and the ratio of the medians.
# Usage: benchmarks/harness-vs-wrk.sh [ROUNDS=3] [SECONDS=10]     needs: wrk (Debian package), curl
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
secs=${2:-10}
jar=target/benchmarks.jar
command -v wrk >/dev/null || { echo "harness-vs-wrk: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -f "$jar" ] || { echo "harness-vs-wrk: $jar missing (mvn -B package -DskipTests)" >&2; exit 2; }
work=$(mktemp -d -t quorumbench-wrk.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
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
wrk_rates=()
jmh_rates=()
for r in $(seq 1 "$rounds"); do
  w=$(wrk -t1 -c1 -d"${secs}s" -s "$work/post.lua" "$node0" | awk '/Requests\/sec/ {print $2}')
  h=$(java -cp "$jar" org.openjdk.jmh.Main QuorumWriteBenchmark -p node="$node0" -p links=direct \
        -bm thrpt -tu s -f 1 -wi 1 -w 3s -i 1 -r "${secs}s" -rf json -rff "$work/jmh-$r.json" >"$work/jmh-$r.log" 2>&1 \
      && python3 -c 'import json,sys; print("%.1f" % json.load(open(sys.argv[1]))[0]["primaryMetric"]["score"])' "$work/jmh-$r.json")
  echo "round $r: wrk ${w} writes/s, harness ${h} writes/s"
  wrk_rates+=("$w")
  jmh_rates+=("$h")
done
python3 - "${wrk_rates[*]}" "${jmh_rates[*]}" <<'PY'
import statistics, sys
w = [float(x) for x in sys.argv[1].split()]
h = [float(x) for x in sys.argv[2].split()]
print("median: wrk %.1f writes/s, harness %.1f writes/s, harness/wrk = %.2f" % (
    statistics.median(w), statistics.median(h), statistics.median(h) / statistics.median(w)))
PY
