#!/usr/bin/env bash
# Measures the speed issue's targets side by side in one run and prints Markdown tables (the
# numbers in docs/benchmarks.md come from this script):
#   1. exact sums: scripts/randsum --engine threads -t 1 with each kernel forced
#      (-D randsum.kernel=vector|scalar) at each vector width, for every range, against every C
#      build at the same (seed, n, range); the kernel each run names must be the expected width
#   2. two threads against one: --engine threads -t 1 vs -t 2 (the engine's elapsedSeconds),
#      against randsum_vec's own wall-time scaling, one process of n against two of n/2 (the
#      second half's seed is seed + n/2 * GAMMA, so the halves add up to the same exact total)
#   3. the local job against the threads engine, whole-process wall time, n = 1e10 and 1e11, less
#      the job's fixed start-up (job minus threads engine at n = 1)
#   4. peak RSS (/usr/bin/time -f %M) of the local job at n = 1e8, 1e10 and 1e11
#   5. the kernels, one thread, per range: JMH KernelBenchmark (vector and scalar) at 512, 256
#      (-XX:UseAVX=2) and 128 bits (-XX:UseAVX=1), against bench/c/randsum_vec built for 512 bits,
#      for AVX2 (-mno-avx512f) and for SSE (-mno-avx -fvect-cost-model=unlimited), the scalar
#      bench/c/randsum_ref, and randsum_vec at -mno-avx with gcc's own cost model (scalar code)
# Every section alternates its contenders within a round and keeps each one's best of K rounds
# (n = 1e11 gets at most 2). Every sum computed is checked against every other sum for the same
# (seed, n, range), Java and C alike; one mismatch stops the run (exit 3). Sections 1-4 run
# scripts/randsum and come first, so that a source edit made later (which leaves the jar stale
# and stops the run) cannot lose them; JMH is built once at the start.
#
# Runtime on the 2-core VM: about 23 minutes with the default 5 rounds (1363 s on 2026-12-02; section 5: 15 minutes;
# n = 1e11: 6); --quick about 3 minutes (153 s). Hold the machine for the whole run:
#   flock /tmp/randsum-cpu.lock bench/targets.sh [--rounds K] [--quick]
# Needs gcc, objdump, Maven, /usr/bin/time and a fresh target/randsum.jar (mvn -DskipTests package).
# Raw samples go to bench/out/targets/samples.tsv, every run's output to bench/out/targets/logs/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
PROG=targets
# shellcheck source=scripts/lib/common.sh
. "$root/scripts/lib/common.sh"
# shellcheck source=scripts/lib/jar.sh
. "$root/scripts/lib/jar.sh"
# shellcheck source=bench/lib/measure.sh
. "$root/bench/lib/measure.sh"

readonly SEED=42 GAMMA=0x9E3779B97F4A7C15
readonly RANGES=(default odd span40 span60 span63 full)
# The same names and bounds as KernelBenchmark.rangeNamed.
declare -A BOUNDS=([default]="0 2147483647" [odd]="0 100" [span40]="0 1099511627776"
  [span60]="0 1152921504606846976" [span63]="-4611686018427387904 4611686018427387904"
  [full]="-9223372036854775808 9223372036854775807")
# The C builds: ref is the scalar reference; vec512/256/128 the auto-vectorized source per width;
# sse-scalar the same source at SSE with gcc's cost model, which keeps its loops scalar.
readonly C_BUILDS=(vec512 ref vec256 vec128 sse-scalar)
declare -A C_SOURCE=([ref]=randsum_ref.c [vec512]=randsum_vec.c [vec256]=randsum_vec.c
  [vec128]=randsum_vec.c [sse-scalar]=randsum_vec.c)
declare -A C_FLAGS=([ref]="" [vec512]="-mprefer-vector-width=512" [vec256]="-mno-avx512f"
  [vec128]="-mno-avx -fvect-cost-model=unlimited" [sse-scalar]="-mno-avx")
# The Java widths and the JVM options that give them (the preferred shape follows UseAVX).
readonly WIDTHS=(512 256 128)
declare -A WIDTH_OPTS=([512]="" [256]="-XX:UseAVX=2" [128]="-XX:UseAVX=1")

usage() {
  cat <<'EOF'
usage: flock /tmp/randsum-cpu.lock bench/targets.sh [--rounds K] [--quick] [-h]
  --rounds K   rounds per section, best kept (default 5; n = 1e11 gets min(K, 2))
  --quick      a smoke run: 1 round, short JMH trials, n = 1e9 for scaling and the job (no 1e11),
               C kernels at n = 1e8: about 3 minutes; its numbers are not the targets'
  --report     measure nothing: print the tables again from the last run's samples.tsv
  --only S     run one section: sums, scaling, job, rss or kernels (the tables show what it measured)
EOF
}

# Globals the sections fill.
out="$root/bench/out/targets"
samples="$out/samples.tsv"
java=""
rounds=5
big_rounds=2
quick=0
report_only=0
only=""
check_n=100000000
kernel_n=1000000000
scale_ns=(10000000000 100000000000)
job_ns=(10000000000 100000000000)
rss_ns=(100000000 10000000000 100000000000)
jmh_opts=(-wi 1 -i 2 -w 1s -r 1s)
declare -A sums sum_from
checks=0
run_out=""
run_wall=""

parse_args() {
  while [[ $# -gt 0 ]]; do
    case $1 in
      --rounds) rounds=${2:?--rounds needs a value}; shift 2 ;;
      --quick) quick=1; shift ;;
      --report) report_only=1; shift ;;
      --only) only=${2:?--only needs a section}; shift 2 ;;
      -h|--help) usage; exit 0 ;;
      *) note "unknown argument '$1'"; usage >&2; exit 2 ;;
    esac
  done
  if [[ $quick -eq 1 ]]; then
    rounds=1 check_n=10000000 kernel_n=100000000
    scale_ns=(1000000000) job_ns=(1000000000) rss_ns=(10000000 1000000000)
    jmh_opts=(-wi 1 -i 1 -w 1s -r 1s)
  fi
  [[ $rounds =~ ^[1-9][0-9]*$ ]] || die 2 "--rounds must be a positive integer"
  [[ -z $only || " sums scaling job rss kernels " == *" $only "* ]] ||
    die 2 "--only takes sums, scaling, job, rss or kernels, not '$only'"
  big_rounds=$((rounds < 2 ? rounds : 2))
}

# 1e10 for 10000000000; other numbers as they are.
short_n() {
  local n=$1 zeros
  zeros=${n#1}
  if [[ $n == 1* && -n $zeros && -z ${zeros//0/} ]]; then echo "1e${#zeros}"; else echo "$n"; fi
}


sample() { printf '%s\t%s\n' "$1" "$2" >>"$samples"; }

# check_sum LABEL SEED N MIN MAX SUM: the sum must equal every sum recorded before for the same
# (seed, n, range); the first one is kept.
check_sum() {
  local label=$1 key="$2 $3 $4 $5" sum=$6
  [[ $sum =~ ^-?[0-9]+$ ]] || die 3 "$label: no integer sum (got '$sum')"
  if [[ -z ${sums[$key]:-} ]]; then
    sums[$key]=$sum sum_from[$key]=$label
  elif [[ ${sums[$key]} != "$sum" ]]; then
    die 3 "CORRECTNESS CHECK FAILED: $label summed to $sum, ${sum_from[$key]} to ${sums[$key]} (seed n min max = $key)"
  else
    checks=$((checks + 1))
  fi
}


# A jar made stale by a source edit would make scripts/randsum run Maven inside a timed run.
fresh_jar() { randsum_require_fresh_jar "$root" targets || exit 1; }

randsum() { "$root/scripts/randsum" "$@"; }

c_bin() { echo "$out/bin/$1"; }

# Seed of the second half of (seed, n): the generator state after n/2 values.
second_half_seed() {
  python3 -c 'import sys; s = (int(sys.argv[1]) + int(sys.argv[2]) // 2 * int(sys.argv[3], 16)) % 2**64; print(s - 2**64 if s >= 2**63 else s)' "$1" "$2" "$GAMMA"
}

build() {
  local b flags
  mkdir -p "$out/bin" "$out/logs"
  rm -f "$samples" "$out"/logs/* "$out"/jmh-*.json
  for b in "${C_BUILDS[@]}"; do
    read -r -a flags <<<"${C_FLAGS[$b]}"
    gcc -O3 -march=native "${flags[@]}" -o "$(c_bin "$b")" "$root/bench/c/${C_SOURCE[$b]}"
  done
  # Each build's loops must be of the width it stands for.
  has() { objdump -d "$(c_bin "$1")" | grep -c "%$2" >/dev/null; }
  has vec512 zmm || die 1 "randsum_vec built for 512 bits has no zmm instruction"
  { has vec256 ymm && ! has vec256 zmm; } || die 1 "the AVX2 build of randsum_vec is not ymm-only"
  for b in vec128 sse-scalar; do
    if has "$b" ymm || has "$b" zmm; then die 1 "the $b build of randsum_vec uses AVX registers"; fi
  done
  if [[ -z $only || $only == kernels ]]; then
    note "building bench/jmh"
    randsum_mvn -q -f "$root/bench/jmh/pom.xml" package >&2
  fi
  fresh_jar
}

# 1. Exact sums and the kernel each width runs, through scripts/randsum.
section_sums() {
  local range min max b w k expect name sum
  note "1. exact sums at n = $(short_n $check_n): every kernel and width against every C build"
  for range in "${RANGES[@]}"; do
    read -r min max <<<"${BOUNDS[$range]}"
    for b in "${C_BUILDS[@]}"; do
      timed "$out/logs/sums-c-$b-$range.log" "$(c_bin "$b")" $SEED $check_n "$min" "$max"
      check_sum "C $b ($range)" $SEED $check_n "$min" "$max" "$(json_field sum <<<"$run_out")"
    done
    for w in "${WIDTHS[@]}"; do
      for k in vector scalar; do
        fresh_jar
        expect=$([[ $k == vector ]] && echo "vector-$w" || echo scalar)
        RANDSUM_JAVA_OPTS="${WIDTH_OPTS[$w]}" timed "$out/logs/sums-java-$w-$k-$range.log" \
          randsum -D randsum.kernel=$k -n $check_n --seed $SEED --min "$min" --max "$max" --engine threads -t 1 --json
        name=$(json_field kernel <<<"$run_out")
        [[ $name == "$expect" ]] || die 1 "range $range, -D randsum.kernel=$k ${WIDTH_OPTS[$w]}: ran $name, not $expect"
        sum=$(json_field sum <<<"$run_out")
        check_sum "randsum $name${WIDTH_OPTS[$w]:+ ${WIDTH_OPTS[$w]}} ($range)" $SEED $check_n "$min" "$max" "$sum"
        sample "sums/$range/$w/$k" "$name"
      done
    done
    note "  $range: every sum ${sums["$SEED $check_n $min $max"]}"
  done
}

# 2. Two threads against one, and the C's two processes against one.
section_scaling() {
  local n r n_rounds half seed2 s1 s2 start micros
  for n in "${scale_ns[@]}"; do
    n_rounds=$rounds
    [[ $n -lt 100000000000 ]] || n_rounds=$big_rounds
    note "2. two threads vs one, n = $(short_n "$n"), $n_rounds round(s)"
    half=$((n / 2))
    seed2=$(second_half_seed $SEED "$n")
    for ((r = 1; r <= n_rounds; r++)); do
      fresh_jar
      timed "$out/logs/scale-$n-t1-$r.log" randsum -n "$n" --seed $SEED --engine threads -t 1 --json
      check_sum "randsum threads -t 1" $SEED "$n" 0 2147483647 "$(json_field sum <<<"$run_out")"
      sample "scale/$n/t1" "$(json_field elapsedSeconds <<<"$run_out")"
      local t1=$run_wall
      timed "$out/logs/scale-$n-t2-$r.log" randsum -n "$n" --seed $SEED --engine threads -t 2 --json
      check_sum "randsum threads -t 2" $SEED "$n" 0 2147483647 "$(json_field sum <<<"$run_out")"
      sample "scale/$n/t2" "$(json_field elapsedSeconds <<<"$run_out")"
      local t2=$run_wall
      timed "$out/logs/scale-$n-c1-$r.log" "$(c_bin vec512)" $SEED "$n" 0 2147483647
      check_sum "C vec512, 1 process" $SEED "$n" 0 2147483647 "$(json_field sum <<<"$run_out")"
      sample "scale/$n/c1" "$run_wall"
      local c1=$run_wall
      start=${EPOCHREALTIME//[.,]/}
      "$(c_bin vec512)" $SEED "$half" 0 2147483647 >"$out/logs/scale-$n-c2a-$r.json" &
      "$(c_bin vec512)" "$seed2" "$((n - half))" 0 2147483647 >"$out/logs/scale-$n-c2b-$r.json"
      wait $! || die 1 "randsum_vec (first half) failed"
      micros=$((${EPOCHREALTIME//[.,]/} - start))
      printf -v run_wall '%d.%06d' $((micros / 1000000)) $((micros % 1000000))
      s1=$(json_field sum <"$out/logs/scale-$n-c2a-$r.json")
      s2=$(json_field sum <"$out/logs/scale-$n-c2b-$r.json")
      check_sum "C vec512, 2 processes of n/2" $SEED "$n" 0 2147483647 "$(python3 -c 'import sys; print(int(sys.argv[1]) + int(sys.argv[2]))' "$s1" "$s2")"
      sample "scale/$n/c2" "$run_wall"
      note "  round $r: randsum -t 1 wall $t1 s, -t 2 wall $t2 s; C 1 process $c1 s, 2 processes $run_wall s"
    done
  done
}

# 3. The local job against the threads engine, and the job's fixed start-up at n = 1.
section_job() {
  local n r n_rounds
  for n in 1 "${job_ns[@]}"; do
    n_rounds=$rounds
    [[ $n -lt 100000000000 ]] || n_rounds=$big_rounds
    note "3. local job vs threads engine, n = $(short_n "$n"), $n_rounds round(s)"
    for ((r = 1; r <= n_rounds; r++)); do
      fresh_jar
      timed "$out/logs/job-$n-job-$r.log" randsum -n "$n" --seed $SEED --json
      check_sum "randsum local job" $SEED "$n" 0 2147483647 "$(json_field sum <<<"$run_out")"
      sample "job/$n/job" "$run_wall"
      local job=$run_wall
      timed "$out/logs/job-$n-threads-$r.log" randsum -n "$n" --seed $SEED --engine threads --json
      check_sum "randsum threads" $SEED "$n" 0 2147483647 "$(json_field sum <<<"$run_out")"
      sample "job/$n/threads" "$run_wall"
      note "  round $r: job $job s, threads engine $run_wall s"
    done
  done
}

# 4. Peak RSS of the local job.
section_rss() {
  local n
  for n in "${rss_ns[@]}"; do
    fresh_jar
    note "4. peak RSS of the local job, n = $(short_n "$n")"
    timed "$out/logs/rss-$n.log" /usr/bin/time -f %M -o "$out/logs/rss-$n.kib" "$root/scripts/randsum" -n "$n" --seed $SEED --json
    check_sum "randsum local job (RSS run)" $SEED "$n" 0 2147483647 "$(json_field sum <<<"$run_out")"
    sample "rss/$n" "$(tail -n 1 "$out/logs/rss-$n.kib")"
  done
}

# 5. The kernels per range and width: C builds and JMH forks alternate within each round.
section_kernels() {
  local r range min max b w json line
  note "5. kernels, one thread, ns per value ($rounds round(s); JMH ${jmh_opts[*]})"
  for ((r = 1; r <= rounds; r++)); do
    for range in "${RANGES[@]}"; do
      read -r min max <<<"${BOUNDS[$range]}"
      line="round $r, $range:"
      for b in "${C_BUILDS[@]}"; do
        timed "$out/logs/kernel-c-$b-$range-$r.log" "$(c_bin "$b")" $SEED $kernel_n "$min" "$max"
        check_sum "C $b ($range)" $SEED $kernel_n "$min" "$max" "$(json_field sum <<<"$run_out")"
        sample "kernel/$range/c-$b" "$(python3 -c 'import json,sys; d = json.loads(sys.argv[1]); print(d["seconds"] / d["n"] * 1e9)' "$run_out")"
        line+=" C $b $(tail -n 1 "$samples" | cut -f 2 | cut -c 1-5)"
      done
      for w in "${WIDTHS[@]}"; do
        json="$out/jmh-$range-$w-$r.json"
        # -jvmArgsAppend replaces the benchmark's own (the module), so it is named again.
        # shellcheck disable=SC2086 # WIDTH_OPTS holds zero or one option
        if ! "$java" -jar "$root/bench/jmh/target/benchmarks.jar" KernelBenchmark -p range="$range" -p kernel=vector,scalar \
          "${jmh_opts[@]}" -f 1 -foe true -rf json -rff "$json" \
          -jvmArgsAppend "--add-modules=jdk.incubator.vector ${WIDTH_OPTS[$w]} -Drandsum.bench.expect=vector-$w" \
          >"$out/logs/kernel-jmh-$range-$w-$r.log" 2>&1; then
          tail -n 20 "$out/logs/kernel-jmh-$range-$w-$r.log" >&2
          die 1 "JMH failed at $range, $w bits"
        fi
        grep -q "kernel=vector-$w\$" "$out/logs/kernel-jmh-$range-$w-$r.log" || die 1 "JMH at $w bits did not run vector-$w"
        while read -r k score; do
          sample "kernel/$range/java-$w-$k" "$score"
          line+=" Java $w $k ${score:0:5}"
        done < <(python3 -c 'import json,sys
for b in json.load(open(sys.argv[1])): print(b["params"]["kernel"], b["primaryMetric"]["score"])' "$json")
      done
      note "  $line"
    done
  done
}

# The tables from samples.tsv: each name's best (smallest) sample; the settings are samples too.
report() {
  python3 - "$samples" "${RANGES[@]}" <<'PY'
import sys

path, *ranges = sys.argv[1:]
best, settings = {}, {}
for line in open(path):
    key, value = line.rstrip("\n").split("\t")
    if key.startswith("setting/"):
        settings[key[len("setting/"):]] = value
        continue
    try:
        v = float(value)
    except ValueError:
        continue
    best[key] = min(v, best.get(key, v))
rounds, big_rounds, n_job, checks, kernel_n = (settings[k] for k in ("rounds", "big_rounds", "n_job", "checks", "kernel_n"))

def short(n):
    n = int(n)
    s = str(n)
    return f"1e{len(s) - 1}" if n >= 1000 and s.rstrip("0") == "1" else s

bounds = {"default": "[0, 2147483647]", "odd": "[0, 100]", "span40": "[0, 2^40]", "span60": "[0, 2^60]",
          "span63": "[-2^62, 2^62]", "full": "[-2^63, 2^63 - 1]"}
yes = lambda ok: "yes" if ok else "**NO**"
rounds_for = lambda n: big_rounds if int(n) >= 10**11 else rounds

has = lambda prefix: any(k.startswith(prefix) for k in best)  # --only runs one section
print(f"| target | measured (best of {rounds}; n = 1e11: best of {big_rounds}) | goal | met |")
print("|---|---|---|---|")
for r in ranges if has("kernel/") else []:
    j, c = best[f"kernel/{r}/java-512-vector"], best[f"kernel/{r}/c-vec512"]
    goal = 0.9 if r == "default" else 0.8
    print(f"| vector kernel, 1 thread, {r} {bounds[r]} | Java vector-512 {j:.3f} ns/value, C randsum_vec (512 bits) {c:.3f}: "
          f"**{c / j:.2f}x** C's throughput | >= {goal:.2f}x | {yes(c / j >= goal)} |")
for n in sorted({k.split("/")[1] for k in best if k.startswith("scale/")}, key=int):
    t1, t2, c1, c2 = (best[f"scale/{n}/{x}"] for x in ("t1", "t2", "c1", "c2"))
    ours, theirs = t1 / t2, c1 / c2
    print(f"| 2 threads vs 1, n = {short(n)} (best of {rounds_for(n)}) | randsum {t1:.2f} s vs {t2:.2f} s: **{ours:.2f}x**; "
          f"C, 2 processes vs 1: {c1:.2f} s vs {c2:.2f} s: {theirs:.2f}x; ratio **{ours / theirs:.3f}** | >= 0.95 x C's | {yes(ours / theirs >= 0.95)} |")
if has("job/"):
  tjob, tthr = best["job/1/job"], best["job/1/threads"]
  fixed = tjob - tthr
for n in [] if not has("job/") else sorted({k.split("/")[1] for k in best if k.startswith("job/") and k.split("/")[1] != "1"}, key=int):
    job, thr = best[f"job/{n}/job"], best[f"job/{n}/threads"]
    q = (job - fixed) / thr
    target = n == n_job
    print(f"| job vs threads engine, n = {short(n)} (wall, best of {rounds_for(n)}) | {job:.2f} s vs {thr:.2f} s: {job / thr:.3f}x; "
          f"less the fixed start-up: **{q:.3f}x** | {'<= 1.15x' if target else 'reported'} | {yes(q <= 1.15) if target else '-'} |")
if has("job/"):
  print(f"| fixed start-up of the job (n = 1, wall) | job {tjob:.2f} s, threads engine {tthr:.2f} s: **{fixed:.2f} s** more | stated | - |")
rss = sorted(((int(k.split("/")[1]), v) for k, v in best.items() if k.startswith("rss/")))
if rss:
  base = rss[0][1]
  # Flat: no larger n takes more than 15% above the smallest n's peak (the JVM's heap moves by more
  # than that from run to run, downwards too, so lower is not a failure).
  flat = all(v <= 1.15 * base for _, v in rss)
  print("| peak RSS, local job (one run each) | " + ", ".join(f"n = {short(n)}: **{v / 1024:.0f} MiB**" for n, v in rss)
        + f" | flat: none > 1.15x n = {short(rss[0][0])}'s | {yes(flat)} |")
print(f"| exact sums | every Java sum equal to C's (and every C build's to each other): {checks} checks, 0 mismatches | equal | yes |")

if not has("kernel/"):
    sys.exit(0)
print()
print(f"Per range, 512 bits (the CPU's preferred shape), ns per value, best of {rounds} (C at n = {short(kernel_n)}, JMH 2^24-value calls):")
print()
print("| range | Java vector-512 | C randsum_vec (512) | Java/C throughput | Java scalar | C randsum_ref | Java/C throughput | vector vs scalar (Java) |")
print("|---|---|---|---|---|---|---|---|")
for r in ranges:
    jv, cv, js, cs = (best[f"kernel/{r}/{x}"] for x in ("java-512-vector", "c-vec512", "java-512-scalar", "c-ref"))
    print(f"| {r} {bounds[r]} | {jv:.3f} | {cv:.3f} | **{cv / jv:.2f}x** | {js:.3f} | {cs:.3f} | **{cs / js:.2f}x** | {js / jv:.2f}x |")

print()
print(f"Per width, ns per value, best of {rounds}: Java at -XX:UseAVX=2 (256) and =1 (128) against randsum_vec for AVX2 "
      "(-mno-avx512f) and SSE (-mno-avx -fvect-cost-model=unlimited), and randsum_vec at -mno-avx with gcc's cost model (scalar code):")
print()
print("| range | width | Java vector | Java scalar | C vectorized | C scalar | Java vector vs C vectorized | Java vector vs Java scalar |")
print("|---|---|---|---|---|---|---|---|")
for r in ranges:
    for w, cvec, csc, cname in (("512", "c-vec512", "c-ref", "ref"), ("256", "c-vec256", "c-ref", "ref"),
                                ("128", "c-vec128", "c-sse-scalar", "sse-scalar")):
        jv, js, cv, cs = (best[f"kernel/{r}/{x}"] for x in (f"java-{w}-vector", f"java-{w}-scalar", cvec, csc))
        print(f"| {r} | {w} | {jv:.3f} | {js:.3f} | {cv:.3f} | {cs:.3f} ({cname}) | {cv / jv:.2f}x | {js / jv:.2f}x |")
PY
}

main() {
  parse_args "$@"
  if [[ $report_only -eq 1 ]]; then
    [[ -f $samples ]] || die 1 "no $samples: run the measurements first"
    report
    return
  fi
  java=$(randsum_java) || exit 1
  local started=$SECONDS section_start
  note "uptime: $(uptime)"
  build
  for section in section_sums section_scaling section_job section_rss section_kernels; do
    [[ -z $only || $section == "section_$only" ]] || continue
    section_start=$SECONDS
    "$section"
    note "$section took $((SECONDS - section_start)) s"
  done
  sample setting/rounds "$rounds"
  sample setting/big_rounds "$big_rounds"
  sample setting/n_job "${job_ns[0]}"
  sample setting/kernel_n "$kernel_n"
  sample setting/checks "$checks"
  report | tee "$out/table.md"
  note "uptime: $(uptime)"
  note "done in $((SECONDS - started)) s; table in $out/table.md, samples in $samples"
}

main "$@"
