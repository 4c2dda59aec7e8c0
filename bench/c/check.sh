#!/usr/bin/env bash
# Builds randsum_ref and checks it against every reference total in docs/contract.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
gcc -O3 -march=native -Wall -Wextra -o bench/c/randsum_ref bench/c/randsum_ref.c

# seed n min max total (copied from the contract's reference table)
references=(
  "0 1 0 2147483647 1896895516"
  "42 10 0 2147483647 9466055388"
  "42 1000000 0 2147483647 1074171186439830"
  "-1 1000 1 100 49655"
  "7 1000 -5 5 -128"
  "2024 1000 -9223372036854775808 9223372036854775807 191621877989071524931"
  "99 5 17 17 85"
  "314159 1000000 -1000000000000 1000000000000 237924599058213"
)

passed=0
failed=0
for row in "${references[@]}"; do
  read -r seed n min max expected <<<"$row"
  output=$(bench/c/randsum_ref "$seed" "$n" "$min" "$max")
  actual=$(sed -E 's/^\{"sum":"(-?[0-9]+)".*/\1/' <<<"$output")
  if [[ "$actual" == "$expected" ]]; then
    passed=$((passed + 1))
    echo "ok   seed=$seed n=$n range=[$min,$max] total=$actual"
  else
    failed=$((failed + 1))
    echo "FAIL seed=$seed n=$n range=[$min,$max] expected=$expected got: $output"
  fi
done
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
