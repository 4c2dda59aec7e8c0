# shellcheck shell=bash disable=SC2154 # root and PROG are the caller's
# Sourced by the benchmarks that run on the script cluster (bench/uber.sh,
# bench/container-memory.sh, bench/planner.sh): start it if none runs, stop it after if they
# started it, read a finished job from its JobHistory server's REST API, and take medians. Callers
# set root and PROG first.

bench_started_cluster=0

# bench_ensure_cluster: starts scripts/cluster unless one is running; its messages go to stderr.
bench_ensure_cluster() {
  if ! "$root/scripts/cluster" status >/dev/null 2>&1; then
    "$root/scripts/cluster" start >&2
    bench_started_cluster=1
  fi
}

# bench_stop_cluster: stops the cluster if bench_ensure_cluster started it (an EXIT trap).
bench_stop_cluster() {
  if [ "$bench_started_cluster" = 1 ]; then
    "$root/scripts/cluster" stop >&2 || true
  fi
}

# bench_history JOB_ID [SUFFIX]: the JobHistory server's JSON for the job (SUFFIX: /counters ...).
bench_history() {
  local port
  port=$(sed -n 's|.*<name>mapreduce.jobhistory.webapp.address</name><value>[^:]*:\([0-9]*\)</value>.*|\1|p' \
    "$root/conf/cluster/mapred-site.xml")
  curl -fsS -H 'Accept: application/json' "http://localhost:$port/ws/v1/history/mapreduce/jobs/$1${2:-}"
}

# median NUMBER...: the median of the numbers (the mean of the middle two for an even count).
median() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
