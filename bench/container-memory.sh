#!/usr/bin/env bash
# What a map container needs, measured: one map (-m 1, uber mode off) on the script cluster
# (scripts/cluster) for each heap (-Xmx, appended to by randsum with the Vector API module) and
# each thread count, with a container of 1536 MB as conf/emr/configurations.json gives. Prints for
# each run whether it succeeded, the kernel the map ran, the map's peak physical memory (Hadoop's
# MAP_PHYSICAL_MEMORY_BYTES_MAX counter, the RSS of the task's process tree, sampled), its
# committed heap at the end, and its GC time. The sizes in conf/emr/README.md come from this.
#   flock /tmp/randsum-cpu.lock bench/container-memory.sh [-n N] [--heaps "1228 256 64"] [--threads "1 2"]
# About 20 s a run plus the cluster's start (2-core VM). Starts the cluster if none is running and
# stops it after.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
PROG=container-memory
# shellcheck source=scripts/lib/common.sh
. "$root/scripts/lib/common.sh"
# shellcheck source=scripts/lib/jar.sh
. "$root/scripts/lib/jar.sh"
# shellcheck source=bench/lib/cluster.sh
. "$root/bench/lib/cluster.sh"

n=4000000000
heaps="1228 256 128 64 32"
threads="1 2"
readonly CONTAINER_MB=1536

usage() {
  echo "usage: flock /tmp/randsum-cpu.lock bench/container-memory.sh [-n N] [--heaps \"MB...\"] [--threads \"T...\"]"
}

parse_args() {
  while [ $# -gt 0 ]; do
    case $1 in
      -n) n=${2:?-n needs a value}; shift 2 ;;
      --heaps) heaps=${2:?--heaps needs a value}; shift 2 ;;
      --threads) threads=${2:?--threads needs a value}; shift 2 ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; exit 2 ;;
    esac
  done
}

# map_counters JOB_ID: "peak_rss_mb committed_heap_mb gc_ms" of the job's (single) map.
map_counters() {
  bench_history "$1" /counters | python3 -c '
import json, sys
groups = json.load(sys.stdin)["jobCounters"]["counterGroup"]
tasks = {c["name"]: c["mapCounterValue"] for g in groups if g["counterGroupName"].endswith("TaskCounter") for c in g["counter"]}
mb = 1 << 20
print(round(tasks["MAP_PHYSICAL_MEMORY_BYTES_MAX"] / mb), round(tasks["COMMITTED_HEAP_BYTES"] / mb), tasks["GC_TIME_MILLIS"])'
}

# measure HEAP_MB THREADS: one run; prints its row.
measure() {
  local heap=$1 t=$2 json rc=0 job kernel peak heap_used gc
  json=$(RANDSUM_CONF_DIR="$root/conf/cluster" "$root/scripts/randsum" \
    -D mapreduce.job.ubertask.enable=false -D mapreduce.map.memory.mb=$CONTAINER_MB \
    -D "mapreduce.map.java.opts=-Xmx${heap}m" -n "$n" -m 1 -t "$t" --seed 42 --json 2>/dev/null) || rc=$?
  if [ "$rc" != 0 ]; then
    printf '%8s %7s  %-7s\n' "${heap}m" "$t" "failed (exit $rc)"
    return
  fi
  job=$(printf '%s' "$json" | grep -o '"jobId":"[^"]*"' | cut -d'"' -f4)
  kernel=$(printf '%s' "$json" | grep -o '"kernel":"[^"]*"' | cut -d'"' -f4)
  read -r peak heap_used gc < <(map_counters "$job")
  printf '%8s %7s  %-7s %-11s %12s %16s %8s\n' "${heap}m" "$t" ok "$kernel" "$peak" "$heap_used" "$gc"
}

main() {
  parse_args "$@"
  randsum_require_fresh_jar "$root" "$PROG"
  trap bench_stop_cluster EXIT
  bench_ensure_cluster
  printf 'n = %s, one map, container %s MB\n' "$n" "$CONTAINER_MB"
  printf '%8s %7s  %-7s %-11s %12s %16s %8s\n' heap threads result kernel "peak RSS MB" "committed heap MB" "GC ms"
  local heap t
  for t in $threads; do
    for heap in $heaps; do
      measure "$heap" "$t"
    done
  done
}

main "$@"
