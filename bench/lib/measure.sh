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
