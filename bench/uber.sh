#!/usr/bin/env bash
# Uber mode's target, side by side in one run: a small job (n = 1e6 by default) on the script
# cluster (scripts/cluster, separate daemon JVMs), whole-process wall time of scripts/randsum, with
# randsum's default (uber mode for n <= 2^32) against -D mapreduce.job.ubertask.enable=false,
# alternating within each round. Prints each run, the medians and their ratio (target: at most
# 0.7); every total must be the same, and each run's uber decision is checked against the
# JobHistory server's "uberized" field. Starts the cluster if none is running and stops it after.
#   flock /tmp/randsum-cpu.lock bench/uber.sh [--rounds K] [-n N]
# About 30 s a round pair plus the cluster's ~20 s start (2-core VM). The numbers in
# docs/benchmarks.md come from this script.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
PROG=uber
# shellcheck source=scripts/lib/common.sh
. "$root/scripts/lib/common.sh"
# shellcheck source=scripts/lib/jar.sh
. "$root/scripts/lib/jar.sh"
# shellcheck source=bench/lib/cluster.sh
. "$root/bench/lib/cluster.sh"

rounds=5
n=1000000
declare -a uber_walls=() plain_walls=()

usage() {
  echo "usage: flock /tmp/randsum-cpu.lock bench/uber.sh [--rounds K] [-n N]"
}

parse_args() {
  while [ $# -gt 0 ]; do
    case $1 in
      --rounds) rounds=${2:?--rounds needs a value}; shift 2 ;;
      -n) n=${2:?-n needs a value}; shift 2 ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; exit 2 ;;
    esac
  done
}

# history_uberized JOB_ID: the JobHistory server's uberized field (true/false) for the job.
history_uberized() {
  bench_history "$1" | grep -o '"uberized":[a-z]*' | cut -d: -f2
}

# timed_run MODE: one job; prints "wall sum" after checking its uber decision against MODE.
timed_run() {
  local mode=$1 start end json job uberized
  local args=(-n "$n" --seed 42 --json)
  [ "$mode" = plain ] && args=(-D mapreduce.job.ubertask.enable=false "${args[@]}")
  start=$(date +%s.%N)
  json=$(RANDSUM_CONF_DIR="$root/conf/cluster" "$root/scripts/randsum" "${args[@]}" 2>/dev/null)
  end=$(date +%s.%N)
  job=$(printf '%s' "$json" | grep -o '"jobId":"[^"]*"' | cut -d'"' -f4)
  uberized=$(history_uberized "$job")
  if { [ "$mode" = uber ] && [ "$uberized" != true ]; } || { [ "$mode" = plain ] && [ "$uberized" != false ]; }; then
    die "job $job ($mode) has uberized=$uberized"
  fi
  printf '%s %s\n' "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" "$(printf '%s' "$json" | grep -o '"sum":"[^"]*"' | cut -d'"' -f4)"
}

main() {
  parse_args "$@"
  randsum_require_fresh_jar "$root" "$PROG"
  trap bench_stop_cluster EXIT
  bench_ensure_cluster
  local round mode wall sum first_sum=""
  for round in $(seq 1 "$rounds"); do
    for mode in plain uber; do
      read -r wall sum < <(timed_run "$mode")
      [ -z "$first_sum" ] && first_sum=$sum
      [ "$sum" = "$first_sum" ] || die "round $round $mode: sum $sum, earlier $first_sum"
      printf 'round %s  %-5s  %6.2f s  sum %s\n' "$round" "$mode" "$wall" "$sum"
      if [ "$mode" = uber ]; then uber_walls+=("$wall"); else plain_walls+=("$wall"); fi
    done
  done
  local uber_median plain_median
  uber_median=$(median "${uber_walls[@]}")
  plain_median=$(median "${plain_walls[@]}")
  printf 'n = %s, %s rounds: median wall %.2f s without uber mode, %.2f s with it: ratio %.3f (target <= 0.7)\n' \
    "$n" "$rounds" "$plain_median" "$uber_median" "$(awk -v u="$uber_median" -v p="$plain_median" 'BEGIN { print u / p }')"
}

main "$@"
