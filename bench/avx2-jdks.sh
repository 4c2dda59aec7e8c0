#!/usr/bin/env bash
# The kernels at 256 bits (-XX:UseAVX=2, what an AVX2-only CPU runs) under two JDKs, against C for
# AVX2: where randsum's AVX2 gap comes from (docs/benchmarks.md, "Where the rest of the AVX2 gap is").
# For one range of four classes (default, a power of two above 2^32, the full range, a narrow span),
# R rounds with the contenders alternating, each the steady ns/value (bench/java/KernelRate.java: the
# difference between n = 3e8 and 3.3e9, seed 9):
#   Java A and Java B, each with the vector and the scalar kernel;
#   bench/c/randsum_vec at gcc -O3 -march=native -mno-avx512f, and the scalar bench/c/randsum_ref.
# Every total at 3.3e9 must be the same for every kernel and JDK (exit 3 if not). Prints one line a
# sample, then the medians as a Markdown table.
#
#   flock /tmp/randsum-cpu.lock bench/avx2-jdks.sh [--rounds R] [--java-b JAVA_HOME]
#
# Java A is the java on PATH (17 here); Java B defaults to /usr/lib/jvm/temurin-25-jdk-amd64. Needs
# gcc and a fresh target/original-randsum.jar (mvn -DskipTests package). About 3 minutes a round.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
PROG=avx2-jdks
# shellcheck source=scripts/lib/common.sh
. "$root/scripts/lib/common.sh"
# shellcheck source=scripts/lib/jar.sh
. "$root/scripts/lib/jar.sh"

rounds=3
java_b=/usr/lib/jvm/temurin-25-jdk-amd64
out="$root/bench/out/avx2-jdks"
readonly RANGES=("0 2147483647" "0 1099511627775" "-9223372036854775808 9223372036854775807" "0 100")

usage() {
  header_usage "${BASH_SOURCE[0]}"
}

parse_args() {
  while [ $# -gt 0 ]; do
    case $1 in
      --rounds) rounds=${2:?--rounds needs a value}; shift 2 ;;
      --java-b) java_b=${2:?--java-b needs a JAVA_HOME}; shift 2 ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; exit 2 ;;
    esac
  done
  [[ $rounds =~ ^[1-9][0-9]*$ ]] || die 2 "--rounds needs a whole number from 1"
  [ -x "$java_b/bin/java" ] || die 2 "no java at $java_b/bin/java (--java-b JAVA_HOME)"
}

# c_rate BINARY MIN MAX: C's steady ns/value, the difference between n = 3e8 and 3.3e9.
c_rate() {
  local small large
  small=$("$1" 9 300000000 "$2" "$3" | sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p')
  large=$("$1" 9 3300000000 "$2" "$3" | sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p')
  awk -v a="$small" -v b="$large" 'BEGIN { printf "%.3f", (b - a) / 3 }'
}

main() {
  parse_args "$@"
  randsum_require_fresh_jar "$root" "$PROG"
  mkdir -p "$out/bin"
  gcc -O3 -march=native -mno-avx512f -o "$out/bin/vec256" "$root/bench/c/randsum_vec.c"
  gcc -O3 -march=native -o "$out/bin/ref" "$root/bench/c/randsum_ref.c"
  local samples="$out/samples.tsv" round range java kernel line total min max version name rate
  local -A totals=()
  : >"$samples"
  for round in $(seq 1 "$rounds"); do
    for range in "${RANGES[@]}"; do
      read -r min max <<<"$range"
      for java in java "$java_b/bin/java"; do
        for kernel in vector scalar; do
          line=$("$java" -XX:UseAVX=2 --add-modules jdk.incubator.vector -cp "$root/target/original-randsum.jar" \
            "$root/bench/java/KernelRate.java" "$kernel" "$min" "$max" 2>/dev/null)
          read -r version name rate total <<<"$line"
          if [ -n "${totals[$range]:-}" ] && [ "${totals[$range]}" != "$total" ]; then
            die 3 "CORRECTNESS CHECK FAILED: Java $version $name summed [$range] to $total, not ${totals[$range]}"
          fi
          totals[$range]=$total
          printf '%s\t%s\t%s\t%s\n' "$range" "java-${version%%.*} $name" "$rate" "$round" | tee -a "$samples"
        done
      done
      printf '%s\t%s\t%s\t%s\n' "$range" "C vectorized" "$(c_rate "$out/bin/vec256" "$min" "$max")" "$round" | tee -a "$samples"
      printf '%s\t%s\t%s\t%s\n' "$range" "C scalar" "$(c_rate "$out/bin/ref" "$min" "$max")" "$round" | tee -a "$samples"
    done
  done
  python3 - "$samples" <<'PY'
import collections, statistics, sys
rates = collections.defaultdict(list)
for line in open(sys.argv[1]):
    rng, who, rate, _ = line.rstrip("\n").split("\t")
    rates[(rng, who)].append(float(rate))
ranges = list(dict.fromkeys(r for r, _ in rates))
whos = list(dict.fromkeys(w for _, w in rates))
print("| range | " + " | ".join(whos) + " | each JDK's faster kernel vs the faster C |")
print("|---|" + "---|" * (len(whos) + 1))
for rng in ranges:
    med = {w: statistics.median(rates[(rng, w)]) for w in whos if (rng, w) in rates}
    best_c = min(v for w, v in med.items() if w.startswith("C "))
    jdks = sorted({w.split()[0] for w in med if w.startswith("java-")})
    ratios = ", ".join("%s %.2fx" % (j, best_c / min(v for w, v in med.items() if w.startswith(j + " ")))
                       for j in jdks)
    print("| [%s] | " % rng.replace(" ", ", ") + " | ".join("%.3f" % med[w] for w in whos) + " | " + ratios + " |")
PY
}

main "$@"
