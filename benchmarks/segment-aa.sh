#!/usr/bin/env bash
# The A/A false-alarm rate of `compare` on runs of SEGMENT cycles, measured on one long run (a soak): the run is cut
# into segments of SEGMENT cycles (benchmarks/segment-run.py), and every pair of segments is compared as two runs
# would be. Nothing differs between the two sides of a pair but time, so every "regressed" verdict is a false alarm.
#
# Usage: benchmarks/segment-aa.sh [--head HEAD_RUN] RUN_DIR SEGMENT [OUT_DIR] [-- compare options...]
#   e.g. benchmarks/segment-aa.sh runs/soak-partition-2000 200
#        benchmarks/segment-aa.sh --head runs/soak-slow3 runs/soak-partition-2000 200 -- --allow-different node_args
# Prints, for disjoint consecutive pairs (1 vs 2, 3 vs 4, ...) and for every ordered pair of different segments, how
# many compares exited 3 (regression), how many metrics were called regressed / improved, how many exited 0, and how
# many exited otherwise (bad input, e.g. node_args differ without --allow-different; each said on stderr).
# Segments carry no jmh-result.json, so compare calls them partial; its regression verdicts are unaffected.
# With --head, HEAD_RUN (a long run of the changed build, e.g. --node-args "--extra-latency-ms 3") is cut the same way
# and every segment of RUN_DIR (base) is compared with every segment of HEAD_RUN: exit 3 is then a change caught, and
# the count is the detection rate of runs of SEGMENT cycles, one run a side.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: benchmarks/segment-aa.sh [--head HEAD_RUN] RUN_DIR SEGMENT [OUT_DIR] [-- compare options...]"
headrun=""
if [ "${1:-}" = "--head" ]; then [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }; headrun=$2; shift 2; fi
[ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }
run=$1; seg=$2; shift 2
out=$(mktemp -d /tmp/qb-segments.XXXXXX)
if [ $# -ge 1 ] && [ "$1" != "--" ]; then out=$1; shift; fi
[ "${1:-}" = "--" ] && shift
mapfile -t segs < <(python3 benchmarks/segment-run.py "$run" "$seg" "$out")
n=${#segs[@]}
[ "$n" -ge 2 ] || { echo "segment-aa: fewer than two segments of $seg cycles in $run" >&2; exit 2; }
cmp() { # base head -> "rc regressed improved"
  local base=$1 head=$2 txt rc; shift 2
  set +e; txt=$(java -jar target/benchmarks.jar compare "$base" "$head" "$@" 2>&1); rc=$?; set -e
  # Bad input (e.g. node_args differ without --allow-different) is neither a catch nor a pass: said, never silent.
  case $rc in 0|3|5) ;; *) echo "segment-aa: compare $base $head exit $rc: $(head -n1 <<<"$txt")" >&2 ;; esac
  local head; head=$(grep -m1 -E '^base `' <<<"$txt" || true)
  local reg imp
  reg=$(sed -nE 's/.*: ([0-9]+) regressed.*/\1/p' <<<"$head"); imp=$(sed -nE 's/.* ([0-9]+) improved.*/\1/p' <<<"$head")
  echo "$rc ${reg:-?} ${imp:-?}"
}
tally() { # label pairs...
  local label=$1; shift
  local pairs=0 exit3=0 reg=0 imp=0 ok=0 other=0
  while [ $# -ge 2 ]; do
    read -r rc r i < <(cmp "$1" "$2" ${extra[@]+"${extra[@]}"})
    pairs=$((pairs + 1)); [ "$rc" = 3 ] && exit3=$((exit3 + 1)); [ "$rc" = 0 ] && ok=$((ok + 1))
    case $rc in 0|3|5) ;; *) other=$((other + 1)) ;; esac
    [ "$r" != "?" ] && reg=$((reg + r)); [ "$i" != "?" ] && imp=$((imp + i))
    shift 2
  done
  echo "| $label | $pairs | $exit3 | $reg | $imp | $ok | $other |"
}
extra=("$@")
if [ -n "$headrun" ]; then
  mapfile -t heads < <(python3 benchmarks/segment-run.py "$headrun" "$seg" "$out/head")
  m=${#heads[@]}
  [ "$m" -ge 1 ] || { echo "segment-aa: no segment of $seg cycles in $headrun" >&2; exit 2; }
  echo "A/B: $n base segments of $seg cycles cut from $run, $m head segments from $headrun"
  echo "| pairs | compares | exit 3 (caught) | metrics regressed | metrics improved | exit 0 | other exits |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  cross=(); for ((i = 0; i < n; i++)); do for ((j = 0; j < m; j++)); do cross+=("${segs[i]}" "${heads[j]}"); done; done
  tally "every base segment vs every head segment" "${cross[@]}"
  exit 0
fi
echo "A/A on $n segments of $seg cycles cut from $run"
echo "| pairs | compares | exit 3 (false alarm) | metrics regressed | metrics improved | exit 0 | other exits |"
echo "|---|---:|---:|---:|---:|---:|---:|"
disjoint=(); for ((i = 0; i + 1 < n; i += 2)); do disjoint+=("${segs[i]}" "${segs[i+1]}"); done
tally "disjoint (1 vs 2, 3 vs 4, ...)" "${disjoint[@]}"
all=(); for ((i = 0; i < n; i++)); do for ((j = 0; j < n; j++)); do [ $i != $j ] && all+=("${segs[i]}" "${segs[j]}"); done; done
tally "every ordered pair" "${all[@]}"
