#!/usr/bin/env bash
# C2 sooner for the vector kernel: what KernelSelector.JIT_OPTIONS (CompileThresholdScaling 0.1 for
# the vector kernel's methods, which scripts/randsum and the task JVMs get) saves per JVM. For one range
# of each of the vector kernel's six loops, n = 1e7 and 1e9, -t 1 and 2, kernels auto and vector:
# scripts/randsum --engine threads with the options as shipped ("on") and with the scaling set
# back to HotSpot's 1.0 in RANDSUM_JAVA_OPTS, which come later on the command line and win ("off").
# On and off alternate; the median of R rounds of elapsedSeconds is printed, with off less on.
# Every sum is checked against every other for the same (n, range); one mismatch stops the run
# (exit 3).
#
# Runtime on the 2-core VM: about 21 minutes with 5 rounds. Hold the machine for the whole run:
#   flock /tmp/randsum-cpu.lock bench/jit.sh [--rounds R]
# Needs a fresh target/randsum.jar (mvn -DskipTests package). Samples go to
# bench/out/jit/samples.tsv, every run's stderr to bench/out/jit/logs/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
PROG=jit
# shellcheck source=scripts/lib/common.sh
. "$root/scripts/lib/common.sh"
# shellcheck source=scripts/lib/jar.sh
. "$root/scripts/lib/jar.sh"
# shellcheck source=bench/lib/measure.sh
. "$root/bench/lib/measure.sh"

readonly SEED=9
readonly NS=(10000000 1000000000)
readonly OFF='-XX:CompileCommand=CompileThresholdScaling,org.randsum.kernel.vector.VectorKernel::*,1.0'

out="$root/bench/out/jit"
samples="$out/samples.tsv"
rounds=5
run_out=""

parse_args() {
  while [[ $# -gt 0 ]]; do
    case $1 in
      --rounds) rounds=${2:?--rounds needs a value}; shift 2 ;;
      -h|--help) header_usage "${BASH_SOURCE[0]}"; exit 0 ;;
      *) note "unknown argument '$1'"; header_usage "${BASH_SOURCE[0]}" >&2; exit 2 ;;
    esac
  done
  [[ $rounds =~ ^[1-9][0-9]*$ ]] || die 2 "--rounds must be a positive integer"
}

measure() {
  local class min max n t r k jit opts
  mkdir -p "$out/logs"
  rm -f "$samples" "$out"/logs/*
  randsum_require_fresh_jar "$root" jit || exit 1
  for class in "${RANGE_CLASSES[@]}"; do
    read -r min max <<<"${RANGE_BOUNDS[$class]}"
    note "$class [$min, $max]: n = ${NS[*]}, -t 1 and 2, auto and vector, on and off, $rounds round(s)"
    for n in "${NS[@]}"; do
      for t in 1 2; do
        for ((r = 1; r <= rounds; r++)); do
          for k in auto vector; do
            for jit in on off; do
              opts=""
              [[ $jit == off ]] && opts=$OFF
              RANDSUM_JAVA_OPTS=$opts timed "$out/logs/$class-$n-t$t-$k-$jit-$r.log" \
                "$root/scripts/randsum" -D "randsum.kernel=$k" -n "$n" --seed $SEED \
                --min "$min" --max "$max" --engine threads -t "$t" --json
              check_sum "$k -t $t jit $jit" "n=$n [$min, $max]" "$(json_field sum <<<"$run_out")"
              sample "$class/$n/$t/$k/$jit" "$(json_field elapsedSeconds <<<"$run_out")"
            done
          done
        done
      done
    done
  done
}

report() {
  python3 - "$samples" <<'PY'
import statistics, sys
from collections import defaultdict
values = defaultdict(list)
for line in open(sys.argv[1]):
    key, value = line.rstrip("\n").split("\t")
    values[key].append(float(value))
med = lambda key: statistics.median(values[key])
print("| class | n | threads | auto on | auto off | off - on | vector on | vector off | off - on |")
print("|---|---|---|---|---|---|---|---|---|")
for c in ["default", "pow2", "widepow2", "narrow", "wide", "full"]:
    for n in (10**7, 10**9):
        for t in (1, 2):
            cells = []
            for k in ("auto", "vector"):
                on, off = med(f"{c}/{n}/{t}/{k}/on"), med(f"{c}/{n}/{t}/{k}/off")
                cells += [f"{on:.3f}", f"{off:.3f}", f"{off - on:+.3f}"]
            print(f"| {c} | 1e{len(str(n)) - 1} | {t} | " + " | ".join(cells) + " |")
PY
}

main() {
  parse_args "$@"
  measure
  report
}

main "$@"
