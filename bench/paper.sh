#!/usr/bin/env bash
# The planner on paper: for n = 1e12 to 1e15 on 10, 100 and 1,000 m5.xlarge core nodes, the plan
# randsum's own planner makes (PlanPreview, the code emr-submit's dry run uses) and the wall the
# cost model predicts for it, on equal nodes and with one node at 1/4 speed. Nothing runs on a
# cluster: this is arithmetic on the model's constants (docs/benchmarks.md, "The planner's cost model").
#
#   bench/paper.sh [--job-seconds J] [--threads T] [--sizes "1e12 1e13 1e14 1e15"] [--nodes "10 100 1000"]
#
# The model: wall = J + w s + S on equal nodes, J + (w + 1)(s + S / w) with one node at 1/4 speed
# (its map duplicated once the others run out of maps; an upper estimate from 4 waves on, where
# the slow node may finish its first map in time), where w is the plan's waves, s a map's start
# (the planner's 6.7 s), S a slot's share of the summing (n / maps-a-wave values at the preview's ns a
# value, over T threads) and J the job's own start and end (the application master, the reducer, the
# commit; default 18 s, about half the lab's 35 s at 0.5 CPU). Needs target/randsum.jar and java.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
PROG=paper
# shellcheck source=scripts/lib/common.sh
. "$root/scripts/lib/common.sh"

job_seconds=18
threads=1
sizes="1e12 1e13 1e14 1e15"
nodes_list="10 100 1000"
readonly START_SECONDS=6.7

usage() {
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}"
}

parse_args() {
  while [ $# -gt 0 ]; do
    case $1 in
      --job-seconds) job_seconds=${2:?}; shift 2 ;;
      --threads) threads=${2:?}; shift 2 ;;
      --sizes) sizes=${2:?}; shift 2 ;;
      --nodes) nodes_list=${2:?}; shift 2 ;;
      -h|--help) usage; exit 0 ;;
      *) die 2 "unknown option $1 (see --help)" ;;
    esac
  done
}

# preview NODES N: PlanPreview's two first lines for NODES core nodes (one more instance: the primary).
preview() {
  java -cp "$root/target/randsum.jar" org.randsum.submit.PlanPreview --instance-type m5.xlarge \
    --instance-count "$(($1 + 1))" -- -n "$2" -t "$threads"
}

# row NODES N: one table row: the plan and the model's walls.
row() {
  local out maps waves nanos
  out=$(preview "$1" "$2")
  maps=$(sed -n 's/^plan: \([0-9]*\) maps\{0,1\} .*/\1/p' <<<"$out")
  waves=$(sed -n 's/^plan: .*, \([0-9]*\) waves\{0,1\}, .*/\1/p' <<<"$out")
  nanos=$(sed -n 's/^estimate: .*: \([0-9.]*\) ns a value.*/\1/p' <<<"$out")
  if [ -z "$maps" ] || [ -z "$waves" ] || [ -z "$nanos" ]; then
    die 1 "could not read the preview: $out"
  fi
  awk -v nodes="$1" -v n="$2" -v maps="$maps" -v w="$waves" -v r="$nanos" -v t="$threads" \
    -v s="$START_SECONDS" -v j="$job_seconds" 'BEGIN {
      wave = maps / w; share = n / wave * r / t / 1e9
      printf "| %s | %s | %d | %d | %.1f s | %.0f s | %.0f s | %.0f s |\n", nodes, n, maps, w, share / w,
        j + w * s + share, j + 2 * (s + share), j + (w + 1) * (s + share / w)
    }'
}

main() {
  parse_args "$@"
  [ -f "$root/target/randsum.jar" ] || die 1 "target/randsum.jar is missing: mvn -DskipTests package"
  printf '| core nodes | n | maps | waves | a map sums | wall, equal nodes | one wave, a node at 1/4 | the plan, a node at 1/4 |\n'
  printf '|---|---|---|---|---|---|---|---|\n'
  local nodes n
  for nodes in $nodes_list; do
    for n in $sizes; do
      row "$nodes" "$n"
    done
  done
}

main "$@"
