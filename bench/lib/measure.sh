# shellcheck shell=bash
# Helpers the benchmark scripts share. The caller sets PROG and sources scripts/lib/common.sh first.
# shellcheck disable=SC2034 # run_out and run_wall are read by the caller

# A field of the JSON object on stdin.
json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# timed LOG COMMAND...: runs it, its stdout in run_out, its wall seconds in run_wall, stderr in LOG.
timed() {
  local log=$1 start micros
  shift
  start=${EPOCHREALTIME//[.,]/}
  if ! run_out=$("$@" 2>"$log"); then
    note "failed: $*; last lines of $log:"
    tail -n 20 "$log" >&2
    exit 1
  fi
  micros=$((${EPOCHREALTIME//[.,]/} - start))
  printf -v run_wall '%d.%06d' $((micros / 1000000)) $((micros % 1000000))
}

# sample KEY VALUE: one line of the caller's samples file ($samples), which its report reads.
# shellcheck disable=SC2154 # the caller sets samples
sample() { printf '%s\t%s\n' "$1" "$2" >>"$samples"; }

# check_sum LABEL KEY SUM: SUM must be an integer equal to every sum recorded before under KEY (the
# same seed, n and range); the first one is kept. A mismatch stops the benchmark (exit 3).
declare -gA sums=() sum_from=()
check_sum() {
  local label=$1 key=$2 sum=$3
  [[ $sum =~ ^-?[0-9]+$ ]] || die 3 "$label: no integer sum (got '$sum')"
  if [[ -z ${sums[$key]:-} ]]; then
    sums[$key]=$sum sum_from[$key]=$label
  elif [[ ${sums[$key]} != "$sum" ]]; then
    die 3 "CORRECTNESS CHECK FAILED: $label summed to $sum, ${sum_from[$key]} to ${sums[$key]} ($key)"
  fi
}

# One range of each loop of VectorKernel.sumBlock (its six range classes), for the kernel benchmarks.
# shellcheck disable=SC2034 # read by the callers
readonly RANGE_CLASSES=(default pow2 widepow2 narrow wide full)
# shellcheck disable=SC2034
declare -grA RANGE_BOUNDS=([default]="0 2147483647" [pow2]="0 255" [widepow2]="0 1099511627775"
  [narrow]="0 100" [wide]="0 1152921504606846976" [full]="-9223372036854775808 9223372036854775807")
