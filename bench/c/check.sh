#!/usr/bin/env bash
# Builds randsum_ref (scalar) and randsum_vec (auto-vectorized; -mprefer-vector-width=512 because
# gcc 12's -march=native alone picks 256-bit vectors here), checks both against every reference
# total in the contract (shared/CONTRACT.md), then cross-checks randsum_vec against randsum_ref on
# random parameters and every edge range class.
#
#   bench/c/check.sh            (CROSS_SEED=<int> picks another set of random cases; default 1)
set -euo pipefail

readonly INT64_MIN=-9223372036854775808
readonly INT64_MAX=9223372036854775807

# seed n min max total (copied from the contract's reference table)
readonly REFERENCES=(
  "0 1 0 2147483647 1896895516"
  "42 10 0 2147483647 9466055388"
  "42 1000000 0 2147483647 1074171186439830"
  "-1 1000 1 100 49655"
  "7 1000 -5 5 -128"
  "2024 1000 $INT64_MIN $INT64_MAX 191621877989071524931"
  "99 5 17 17 85"
  "314159 1000000 -1000000000000 1000000000000 237924599058213"
)

passed=0
failed=0

build() {
  gcc -O3 -march=native -Wall -Wextra -o bench/c/randsum_ref bench/c/randsum_ref.c
  gcc -O3 -march=native -mprefer-vector-width=512 -Wall -Wextra -o bench/c/randsum_vec bench/c/randsum_vec.c
}

# The exact total printed by a binary: run_sum BINARY SEED N MIN MAX
run_sum() {
  local output
  output=$("$@")
  sed -E 's/^\{"sum":"(-?[0-9]+)".*/\1/' <<<"$output"
}

check_references() {
  local binary=$1 row seed n min max expected actual
  for row in "${REFERENCES[@]}"; do
    read -r seed n min max expected <<<"$row"
    actual=$(run_sum "bench/c/$binary" "$seed" "$n" "$min" "$max")
    if [[ "$actual" == "$expected" ]]; then
      passed=$((passed + 1))
      echo "ok   $binary seed=$seed n=$n range=[$min,$max] total=$actual"
    else
      failed=$((failed + 1))
      echo "FAIL $binary seed=$seed n=$n range=[$min,$max] expected=$expected got: $actual"
    fi
  done
}

# Prints "seed n min max" lines: every edge span with every edge n (and n across several 2^20-value
# blocks), min = INT64_MIN with various max, then random spans of every class.
random_cases() {
  python3 - "$1" <<'EOF'
import random, sys

rng = random.Random(int(sys.argv[1]))
LO, HI = -2**63, 2**63 - 1
EDGE_NS = [0, 1, 7, 8, 9, 15, 16, 17]
EDGE_SPANS = [1, 2, 2**31, 2**32 - 1, 2**32, 2**32 + 1, 2**52, 2**63 - 1, 2**63, 2**63 + 1, 2**64]

def seed():
    return rng.choice([0, -1, LO, HI, rng.randint(LO, HI)])

def placed(span, how):
    """(min, max) for a span: at the bottom, at the top, around 0 or anywhere it fits."""
    top = HI - span + 1
    lo = {0: LO, 1: top, 2: max(LO, min(top, -(span // 2)))}.get(how, rng.randint(LO, top))
    return lo, lo + span - 1

cases = []
for s, span in enumerate(EDGE_SPANS):
    for k, n in enumerate(EDGE_NS + [rng.randint(0, 5000), 3 * 2**20 + 5]):
        cases.append((seed(), n, *placed(span, (s + k) % 4)))
for hi in [LO, LO + 1, -1, 0, 1, 100, 2**31 - 1, 2**32, 2**62, HI - 1, HI]:
    cases.append((seed(), rng.randint(0, 5000), LO, hi))
for _ in range(15):
    cases.append((seed(), rng.randint(0, 5000), LO, rng.randint(LO, HI)))
span_classes = [
    lambda: rng.randint(1, 1000),
    lambda: rng.randint(1, 2**32 - 1),
    lambda: 2**rng.randint(0, 63),
    lambda: rng.randint(2**32 + 1, 2**44),
    lambda: rng.randint(2**44 + 1, 2**63),
    lambda: rng.randint(2**63, 2**64),
]
for i in range(120):
    n = rng.choice(EDGE_NS) if i % 4 == 0 else rng.randint(0, 5000)
    cases.append((seed(), n, *placed(span_classes[i % len(span_classes)](), rng.randint(0, 3))))
for case in cases:
    print(*case)
EOF
}

cross_check() {
  local cross_seed=${CROSS_SEED:-1} seed n min max expected actual cases=0 mismatches=0
  while read -r seed n min max; do
    cases=$((cases + 1))
    expected=$(run_sum bench/c/randsum_ref "$seed" "$n" "$min" "$max")
    actual=$(run_sum bench/c/randsum_vec "$seed" "$n" "$min" "$max")
    if [[ "$actual" == "$expected" && "$expected" =~ ^-?[0-9]+$ ]]; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
      mismatches=$((mismatches + 1))
      echo "FAIL cross seed=$seed n=$n range=[$min,$max] randsum_ref=$expected randsum_vec=$actual"
    fi
  done < <(random_cases "$cross_seed")
  echo "cross-check (CROSS_SEED=$cross_seed): randsum_vec vs randsum_ref on $cases cases, $mismatches mismatches"
}

main() {
  cd "$(dirname "$0")/../.."
  build
  check_references randsum_ref
  check_references randsum_vec
  cross_check
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 ]]
}

main "$@"
