#!/usr/bin/env bash
# Measures issue #6's speed and memory targets side by side in one run and prints a Markdown table
# (the numbers in docs/benchmarks.md come from this script):
#   1. kernel, one thread, against the C reference (JMH KernelBenchmark vs bench/c/randsum_ref),
#      for the default range (the target) and one range per other loop of the kernel (reported)
#   2. two threads against one (the in-process engine's own timing, n = 1e9 and 1e10)
#   3. job overhead: scripts/randsum -n 1e10 (local mode) against --engine threads, wall time
#   4. peak RSS of the local-mode run for n = 1e8 and 1e10
# Rounds alternate the contenders so that machine noise hits both alike. Needs gcc, Maven and
# a built target/randsum.jar (mvn -DskipTests package). Takes about 14 minutes.
#   bench/targets.sh [--rounds K]   (default 5: this shared VM's speed drifts by 20% and more)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
PROG=targets
# shellcheck source=scripts/lib/common.sh
. "$root/scripts/lib/common.sh"
java=$(randsum_java) || exit 1
rounds=5
if [[ ${1:-} == --rounds ]]; then rounds=${2:?--rounds needs a value}; fi
out="$root/bench/out/targets"
mkdir -p "$out"

gcc -O3 -march=native -o "$root/bench/c/randsum_ref" "$root/bench/c/randsum_ref.c"
randsum_mvn -q -f "$root/bench/jmh/pom.xml" package >&2
# shellcheck source=scripts/lib/jar.sh
. "$root/scripts/lib/jar.sh"
randsum_require_fresh_jar "$root" targets || exit 1

json_field() { python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())[sys.argv[1]])' "$1"; }
wall() { local start=$EPOCHREALTIME; "$@" >/dev/null 2>&1; python3 -c "print(round($EPOCHREALTIME - $start, 3))"; }
min_of() { python3 -c 'import sys; print(min(float(x) for x in sys.argv[1:]))' "$@"; }

echo "## 1. Kernel, one thread: Java (JMH) vs C (gcc -O3 -march=native), ns per value, per range" >&2
# The same names and bounds as KernelBenchmark's ranges; "default" is the headline target.
kernel_ranges=(default odd span40 span60 span63 full)
declare -A bounds=([default]="0 2147483647" [odd]="0 100" [span40]="0 1099511627776"
  [span60]="0 1152921504606846976" [span63]="-4611686018427387904 4611686018427387904"
  [full]="-9223372036854775808 9223372036854775807")
declare -A c_best java_best
for range in "${kernel_ranges[@]}"; do
  c_ns=() java_ns=()
  for ((r = 1; r <= rounds; r++)); do
    # shellcheck disable=SC2086 # two bounds
    c_ns+=("$("$root/bench/c/randsum_ref" 42 1000000000 ${bounds[$range]} | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["seconds"]/d["n"]*1e9)')")
    "$java" -jar "$root/bench/jmh/target/benchmarks.jar" KernelBenchmark -p range="$range" -wi 2 -i 3 -w 2s -r 2s -f 1 \
      -rf json -rff "$out/kernel-$range-$r.json" >"$out/kernel-$range-$r.log" 2>&1
    java_ns+=("$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["primaryMetric"]["score"])' "$out/kernel-$range-$r.json")")
    echo "$range round $r: C ${c_ns[-1]} ns, Java ${java_ns[-1]} ns" >&2
  done
  c_best[$range]=$(min_of "${c_ns[@]}"); java_best[$range]=$(min_of "${java_ns[@]}")
done
kernel_rows=$(for range in "${kernel_ranges[@]}"; do echo "$range ${bounds[$range]// /,} ${java_best[$range]} ${c_best[$range]}"; done)

echo "## 2. Engine: 2 threads vs 1 thread (in-process elapsed seconds)" >&2
declare -A t1 t2
# n = 1e9 takes two seconds a round, so it gets twice the rounds: at 0.6 s a run, one disturbed
# second of a neighbour's load moves the ratio by 10%.
for n in 1000000000 10000000000; do
  a=() b=()
  n_rounds=$((n == 1000000000 ? 2 * rounds : rounds))
  for ((r = 1; r <= n_rounds; r++)); do
    a+=("$("$root/scripts/randsum" -n $n --seed 42 --engine threads -t 1 --json 2>/dev/null | json_field elapsedSeconds)")
    b+=("$("$root/scripts/randsum" -n $n --seed 42 --engine threads -t 2 --json 2>/dev/null | json_field elapsedSeconds)")
    echo "n=$n round $r: 1 thread ${a[-1]} s, 2 threads ${b[-1]} s" >&2
  done
  t1[$n]=$(min_of "${a[@]}"); t2[$n]=$(min_of "${b[@]}")
done
# The machine's own ceiling, for comparison: the C reference as one process against two halves.
c1=() c2=()
for ((r = 1; r <= 2 * rounds; r++)); do
  c1+=("$(wall "$root/bench/c/randsum_ref" 42 1000000000 0 2147483647)")
  start=$EPOCHREALTIME
  "$root/bench/c/randsum_ref" 42 500000000 0 2147483647 >/dev/null &
  "$root/bench/c/randsum_ref" 43 500000000 0 2147483647 >/dev/null
  wait
  c2+=("$(python3 -c "print(round($EPOCHREALTIME - $start, 3))")")
  echo "C, n=1e9, round $r: 1 process ${c1[-1]} s, 2 processes ${c2[-1]} s" >&2
done
c1_best=$(min_of "${c1[@]}"); c2_best=$(min_of "${c2[@]}")

echo "## 3. Job overhead: mapreduce (local) vs threads engine, n = 1e10, whole-process wall time" >&2
job=() threads=() tiny_job=() tiny_threads=()
for ((r = 1; r <= rounds; r++)); do
  job+=("$(wall "$root/scripts/randsum" -n 1e10 --seed 42)")
  threads+=("$(wall "$root/scripts/randsum" -n 1e10 --seed 42 --engine threads)")
  tiny_job+=("$(wall "$root/scripts/randsum" -n 1 --seed 42)")
  tiny_threads+=("$(wall "$root/scripts/randsum" -n 1 --seed 42 --engine threads)")
  echo "round $r: job ${job[-1]} s, threads ${threads[-1]} s; n=1: job ${tiny_job[-1]} s, threads ${tiny_threads[-1]} s" >&2
done
job_best=$(min_of "${job[@]}"); threads_best=$(min_of "${threads[@]}")
tiny_job_best=$(min_of "${tiny_job[@]}"); tiny_threads_best=$(min_of "${tiny_threads[@]}")

echo "## 4. Peak RSS of the local-mode run" >&2
rss() { /usr/bin/time -f %M "$root/scripts/randsum" -n "$1" --seed 42 2>&1 >/dev/null | tail -1; }
rss_small=$(rss 1e8); rss_large=$(rss 1e10)

KERNEL_ROWS="$kernel_rows" python3 - "$c1_best" "$c2_best" "${t1[1000000000]}" "${t2[1000000000]}" "${t1[10000000000]}" "${t2[10000000000]}" \
  "$job_best" "$threads_best" "$tiny_job_best" "$tiny_threads_best" "$rss_small" "$rss_large" "$rounds" <<'PY'
import sys
import os
(c1, c2, a9, b9, a10, b10, job, thr, tjob, tthr, rs, rl, rounds) = sys.argv[1:]
c1, c2, a9, b9, a10, b10, job, thr, tjob, tthr = map(float, (c1, c2, a9, b9, a10, b10, job, thr, tjob, tthr))
kernel = [line.split() for line in os.environ["KERNEL_ROWS"].splitlines()]
fixed = tjob - tthr
print(f"| target | measured (best of {rounds}) | goal | met |")
print("|---|---|---|---|")
for name, bounds, j, c in kernel:
    j, c = float(j), float(c)
    label = "kernel, 1 thread, vs C" + ("" if name == "default" else f" ({name} range)")
    goal = ">= 0.90x" if name == "default" else "reported"
    met = ('yes' if c / j >= 0.9 else 'NO') if name == "default" else '-'
    print(f"| {label}, [{bounds.replace(',', ', ')}] | Java {j:.3f} ns/value, C {c:.3f} ns/value: **{c / j:.2f}x** C's throughput | {goal} | {met} |")
print(f"| 2 threads vs 1, n = 1e9 (best of {2 * int(rounds)}) | {a9:.2f} s vs {b9:.2f} s: **{a9 / b9:.2f}x** | >= 1.85x | {'yes' if a9 / b9 >= 1.85 else 'NO'} |")
print(f"| for comparison: C reference, 2 processes vs 1, n = 1e9 (wall, best of {2 * int(rounds)}) | {c1:.2f} s vs {c2:.2f} s: **{c1 / c2:.2f}x** | the machine's ceiling | - |")
print(f"| 2 threads vs 1, n = 1e10 | {a10:.2f} s vs {b10:.2f} s: **{a10 / b10:.2f}x** | >= 1.85x | {'yes' if a10 / b10 >= 1.85 else 'NO'} |")
print(f"| job vs threads engine, n = 1e10 (wall) | {job:.2f} s vs {thr:.2f} s: **{job / thr:.3f}x**; less the fixed start-up: **{(job - fixed) / thr:.3f}x** | <= 1.15x plus a fixed start-up | {'yes' if (job - fixed) / thr <= 1.15 else 'NO'} |")
print(f"| fixed start-up of the job (n = 1, wall) | job {tjob:.2f} s, threads engine {tthr:.2f} s: **{fixed:.2f} s** more | stated | - |")
print(f"| peak RSS, local mode | n = 1e8: **{int(rs) / 1024:.0f} MiB**, n = 1e10: **{int(rl) / 1024:.0f} MiB** | flat | {'yes' if abs(int(rl) - int(rs)) < 0.15 * int(rs) else 'NO'} |")
PY
