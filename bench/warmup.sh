#!/usr/bin/env bash
# The kernel from the first value: what each kernel costs before it runs at full speed, per range
# class, in one run with the contenders alternating, and prints Markdown tables (the numbers in
# docs/benchmarks.md, "The kernel from the first value", come from this script):
#   1. warm-up: scripts/randsum --engine threads -t T -D randsum.kernel=K for one range of each of
#      the vector kernel's six loops, n = 1e6 to 1e10, T = 1 and 2, K = auto, scalar and vector;
#      the median of R rounds of the engine's elapsedSeconds and of the whole process's wall time;
#      each class's steady ns/value per kernel (the difference between n = 1e9 and 1e10, so the
#      warm-up cancels), its fixed cost (elapsed at 1e7 less 1e7 times the steady ns/value), and the
#      targets: auto within scalar's fixed cost + n x vector's steady rate + 0.1 s, and auto within
#      5% + 20 ms of the better forced kernel
#   2. AVX2: the steady rate of randsum under -XX:UseAVX=2 (auto, which picks what an AVX2-only CPU
#      runs; the difference between n = 3e8 and 3.3e9) against the best C build for such a CPU:
#      bench/c/randsum_vec at -mno-avx512f and the scalar bench/c/randsum_ref
# Every sum is checked against every other for the same (seed, n, range); one mismatch stops the
# run (exit 3). On a CPU without AVX-512 the vector kernel is what that CPU runs; nothing is
# skipped but what cannot run there, and that is said.
#
# Runtime on the 2-core VM: 25-40 minutes with 3 rounds; --quick (n up to 1e8, 1 round) about
# 5 minutes. Hold the machine for the whole run:
#   flock /tmp/randsum-cpu.lock bench/warmup.sh [--rounds R] [--quick]
# Needs gcc and a fresh target/randsum.jar (mvn -DskipTests package). Samples go to
# bench/out/warmup/samples.tsv, every run's stderr to bench/out/warmup/logs/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
PROG=warmup
# shellcheck source=scripts/lib/common.sh
. "$root/scripts/lib/common.sh"
# shellcheck source=scripts/lib/jar.sh
. "$root/scripts/lib/jar.sh"
# shellcheck source=bench/lib/measure.sh
. "$root/bench/lib/measure.sh"

readonly SEED=9
readonly KERNELS=(auto scalar vector)

out="$root/bench/out/warmup"
samples="$out/samples.tsv"
rounds=3
ns=(1000000 10000000 100000000 1000000000 10000000000)
avx2_ns=(300000000 3300000000)
run_out=""
run_wall=""

usage() {
  cat <<'EOF'
usage: flock /tmp/randsum-cpu.lock bench/warmup.sh [--rounds R] [--quick] [--report] [-h]
  --rounds R   rounds, median kept (default 3)
  --quick      a smoke run: 1 round, n up to 1e8 (no steady rates, so no fixed costs or targets)
  --report     measure nothing: print the tables again from the last run's samples.tsv
EOF
}

report_only=0

parse_args() {
  while [[ $# -gt 0 ]]; do
    case $1 in
      --rounds) rounds=${2:?--rounds needs a value}; shift 2 ;;
      --quick) rounds=1 ns=(1000000 10000000 100000000) avx2_ns=(30000000 330000000); shift ;;
      --report) report_only=1; shift ;;
      -h|--help) usage; exit 0 ;;
      *) note "unknown argument '$1'"; usage >&2; exit 2 ;;
    esac
  done
  [[ $rounds =~ ^[1-9][0-9]*$ ]] || die 2 "--rounds must be a positive integer"
}

randsum() { "$root/scripts/randsum" "$@"; }

prepare() {
  mkdir -p "$out/bin" "$out/logs"
  rm -f "$samples" "$out"/logs/*
  randsum_require_fresh_jar "$root" warmup || exit 1
  gcc -O3 -march=native -mno-avx512f -o "$out/bin/vec256" "$root/bench/c/randsum_vec.c"
  gcc -O3 -march=native -o "$out/bin/ref" "$root/bench/c/randsum_ref.c"
  sample "cpu" "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
  if grep -qw avx512f /proc/cpuinfo; then sample avx512 yes; else
    sample avx512 no
    note "this CPU has no AVX-512: forced vector runs at the width it has, and auto picks as KernelSelector says"
  fi
}

# 1. The warm-up table.
section_warmup() {
  local class min max n t r k
  for class in "${RANGE_CLASSES[@]}"; do
    read -r min max <<<"${RANGE_BOUNDS[$class]}"
    note "1. $class [$min, $max]: n = ${ns[*]}, -t 1 and 2, auto/scalar/vector, $rounds round(s)"
    for n in "${ns[@]}"; do
      for t in 1 2; do
        for ((r = 1; r <= rounds; r++)); do
          for k in "${KERNELS[@]}"; do
            timed "$out/logs/$class-$n-t$t-$k-$r.log" randsum -D "randsum.kernel=$k" -n "$n" --seed $SEED \
              --min "$min" --max "$max" --engine threads -t "$t" --json
            check_sum "randsum $k -t $t" "n=$n [$min, $max]" "$(json_field sum <<<"$run_out")"
            sample "warm/$class/$n/$t/$k/elapsed" "$(json_field elapsedSeconds <<<"$run_out")"
            sample "warm/$class/$n/$t/$k/wall" "$run_wall"
            sample "warm/$class/$n/$t/$k/kernel" "$(json_field kernel <<<"$run_out")"
          done
        done
      done
    done
  done
}

# 2. AVX2: randsum at -XX:UseAVX=2 under auto against both C builds for an AVX2-only CPU.
section_avx2() {
  local class min max n r
  note "2. AVX2 (-XX:UseAVX=2) against C at -mno-avx512f and scalar C, n = ${avx2_ns[*]}"
  for class in "${RANGE_CLASSES[@]}"; do
    read -r min max <<<"${RANGE_BOUNDS[$class]}"
    for n in "${avx2_ns[@]}"; do
      for ((r = 1; r <= rounds; r++)); do
        RANDSUM_JAVA_OPTS=-XX:UseAVX=2 timed "$out/logs/avx2-$class-$n-java-$r.log" \
          randsum -n "$n" --seed $SEED --min "$min" --max "$max" --engine threads -t 1 --json
        check_sum "randsum -XX:UseAVX=2" "n=$n [$min, $max]" "$(json_field sum <<<"$run_out")"
        sample "avx2/$class/$n/java" "$(json_field elapsedSeconds <<<"$run_out")"
        sample "avx2/$class/$n/java-kernel" "$(json_field kernel <<<"$run_out")"
        for c in vec256 ref; do
          timed "$out/logs/avx2-$class-$n-$c-$r.log" "$out/bin/$c" $SEED "$n" "$min" "$max"
          check_sum "C $c" "n=$n [$min, $max]" "$(json_field sum <<<"$run_out")"
          sample "avx2/$class/$n/$c" "$run_wall"
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
    values[key].append(value)
num = lambda key: statistics.median(float(v) for v in values[key])
has = lambda key: key in values
print(f"CPU: {values['cpu'][0]} (AVX-512: {values['avx512'][0]})\n")
classes = ["default", "pow2", "widepow2", "narrow", "wide", "full"]
ns = sorted({int(k.split("/")[2]) for k in values if k.startswith("warm/")})
kernels = ["auto", "scalar", "vector"]
short = lambda n: f"1e{len(str(n)) - 1}" if str(n).strip("0") == "1" else str(n)
print("### Warm-up: elapsedSeconds (whole-process wall), median; the kernel auto reported\n")
for t in (1, 2):
    print(f"#### {t} thread{'s' if t > 1 else ''}\n")
    print("| class | n | auto | scalar | vector | auto's kernel |")
    print("|---|---|---|---|---|---|")
    for c in classes:
        for n in ns:
            base = f"warm/{c}/{n}/{t}"
            if not has(f"{base}/auto/elapsed"):
                continue
            cells = [f"{num(f'{base}/{k}/elapsed'):.3f} ({num(f'{base}/{k}/wall'):.2f})" for k in kernels]
            print(f"| {c} | {short(n)} | " + " | ".join(cells) + f" | {values[f'{base}/auto/kernel'][0]} |")
    print()
if 10**9 in ns and 10**10 in ns and 10**7 in ns:
    print("### Steady rates, fixed costs and targets (elapsedSeconds)\n")
    print("| class | threads | steady ns/value scalar, vector | fixed cost scalar, vector, auto (s) |"
          " auto <= scalar's fixed + n x vector's rate + 0.1 s | auto <= 1.05 x better + 0.02 s |")
    print("|---|---|---|---|---|---|")
    for t in (1, 2):
        for c in classes:
            e = lambda k, n: num(f"warm/{c}/{n}/{t}/{k}/elapsed")
            rate = {k: (e(k, 10**10) - e(k, 10**9)) / 9e9 for k in kernels}
            fixed = {k: e(k, 10**7) - 1e7 * rate[k] for k in kernels}
            first = [n for n in ns if e("auto", n) > fixed["scalar"] + n * rate["vector"] + 0.1]
            second = [n for n in ns if e("auto", n) > 1.05 * min(e("scalar", n), e("vector", n)) + 0.02]
            verdict = lambda bad: "yes" if not bad else "no at n = " + ", ".join(short(n) for n in bad)
            print(f"| {c} | {t} | {rate['scalar'] * 1e9:.3f}, {rate['vector'] * 1e9:.3f} | "
                  f"{fixed['scalar']:.3f}, {fixed['vector']:.3f}, {fixed['auto']:.3f} | {verdict(first)} | {verdict(second)} |")
    print()
avx2 = sorted({int(k.split("/")[2]) for k in values if k.startswith("avx2/")})
if len(avx2) == 2:
    lo, hi = avx2
    print(f"### AVX2 (-XX:UseAVX=2): steady ns/value from n = {short(lo)} to {short(hi)}, against the best C for AVX2\n")
    print("| class | randsum (kernel) | C vectorized at -mno-avx512f | C scalar | randsum vs best C |")
    print("|---|---|---|---|---|")
    for c in classes:
        r = lambda who: (num(f"avx2/{c}/{hi}/{who}") - num(f"avx2/{c}/{lo}/{who}")) / (hi - lo) * 1e9
        java, vec, ref = r("java"), r("vec256"), r("ref")
        print(f"| {c} | {java:.3f} ({values[f'avx2/{c}/{hi}/java-kernel'][0]}) | {vec:.3f} | {ref:.3f} | "
              f"{min(vec, ref) / java:.2f}x |")
PY
}

main() {
  parse_args "$@"
  if [[ $report_only -eq 0 ]]; then
    prepare
    section_warmup
    section_avx2
  fi
  report
}

main "$@"
