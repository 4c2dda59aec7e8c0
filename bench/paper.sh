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
# (the preview's starts line: the planner's 6.7 s), S a slot's share of the summing (n /
# maps-a-wave values at the preview's ns a value, over T threads) and J the job's own start and end
# (the application master, the reducer, the commit; default 18 s, about half the lab's 35 s at
# 0.5 CPU). Needs a fresh target/randsum.jar and java.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
PROG=paper
# shellcheck source=scripts/lib/common.sh
. "$root/scripts/lib/common.sh"
# shellcheck source=scripts/lib/jar.sh
. "$root/scripts/lib/jar.sh"

job_seconds=18
threads=1
sizes="1e12 1e13 1e14 1e15"
nodes_list="10 100 1000"

usage() {
  header_usage "${BASH_SOURCE[0]}"
}

# need_value OPTION [VALUE...]: a one-line error when the option has no value.
need_value() {
  if [ $# -lt 2 ] || [ -z "$2" ]; then
    die 2 "$1 needs a value (see --help)"
  fi
}

# check_args: the numbers the model needs, before anything runs.
check_args() {
  [[ $job_seconds =~ ^[0-9]+([.][0-9]+)?$ ]] || die 2 "--job-seconds must be seconds, not '$job_seconds'"
  [[ $threads =~ ^[1-9][0-9]*$ ]] || die 2 "--threads must be a whole number above 0, not '$threads'"
  [[ $nodes_list =~ ^[[:space:]]*[1-9][0-9]*([[:space:]]+[1-9][0-9]*)*[[:space:]]*$ ]] ||
    die 2 "--nodes must be whole numbers above 0, not '$nodes_list'"
  local n
  for n in $sizes; do
    # Runs of at most 2^32 values are planned in uber mode, in the AM alone: no waves to weigh.
    awk -v n="$n" 'BEGIN { exit !(n + 0 > 4294967296 && n ~ /^[0-9.]+(e[0-9]+)?$/) }' ||
      die 2 "--sizes must be numbers above 2^32 (smaller runs are planned in uber mode, with no waves), not '$n'"
  done
}

parse_args() {
  while [ $# -gt 0 ]; do
    case $1 in
      --job-seconds) need_value "$@"; job_seconds=$2; shift 2 ;;
      --threads) need_value "$@"; threads=$2; shift 2 ;;
      --sizes) need_value "$@"; sizes=$2; shift 2 ;;
      --nodes) need_value "$@"; nodes_list=$2; shift 2 ;;
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
  local out maps waves nanos start
  out=$(preview "$1" "$2")
  maps=$(sed -n 's/^plan: \([0-9]*\) maps\{0,1\} .*/\1/p' <<<"$out")
  waves=$(sed -n 's/^plan: .*, \([0-9]*\) waves\{0,1\}, .*/\1/p' <<<"$out")
  nanos=$(sed -n 's/^estimate: .*: \([0-9.]*\) ns a value.*/\1/p' <<<"$out")
  start=$(sed -n 's/^starts: .* waves\{0,1\} x \([0-9.]*\) s .*/\1/p' <<<"$out")
  if [ -z "$maps" ] || [ -z "$waves" ] || [ -z "$nanos" ] || [ -z "$start" ]; then
    die 1 "could not read the preview: $out"
  fi
  awk -v nodes="$1" -v n="$2" -v maps="$maps" -v w="$waves" -v r="$nanos" -v t="$threads" \
    -v s="$start" -v j="$job_seconds" 'BEGIN {
      wave = maps / w; share = n / wave * r / t / 1e9
      printf "| %s | %s | %d | %d | %.1f s | %.0f s | %.0f s | %.0f s |\n", nodes, n, maps, w, share / w,
        j + w * s + share, j + 2 * (s + share), j + (w + 1) * (s + share / w)
    }'
}

main() {
  parse_args "$@"
  check_args
  # The plan must be the planner's current code, so a stale jar stops the table.
  randsum_require_fresh_jar "$root" "$PROG"
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
