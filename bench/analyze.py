#!/usr/bin/env python3
"""Bookkeeping for scripts/bench (stdlib only).

  record RAW APPROACH N WALL [--seed S --min A --max B] < program's stdout
      Parse the program's one JSON line and append a run to RAW. With --seed/--min/--max the
      run follows the random-stream contract, so its sum must equal every other contract run
      with the same parameters and n (exit 3, loudly, if not).
  plan RAW APPROACH N --cap S [--max-n M]
      Exit 0 if the run should happen; otherwise record it as skipped (to be extrapolated),
      say why and exit 1.
  finish RAW OUT_DIR [--reps K]
      Write OUT_DIR/results.csv and OUT_DIR/chart-data/ (for bench/chart.gp).
  crossover RAW
      Print where each parallel approach starts to beat its single-thread counterpart (and the
      vector kernel its scalar one).
"""
import argparse
import csv
import json
import os
import sys

RAW_FIELDS = ["approach", "n", "wall_seconds", "compute_seconds", "sum", "contract"]
RESULT_FIELDS = ["approach", "n", "wall_seconds", "compute_seconds", "extrapolated", "sum"]

# Each parallel approach and the single-thread counterpart it has to beat; and randsum's chosen
# (vector) kernel against the scalar one, both on one thread.
CROSSOVERS = [
    ("python-process", "python-direct"),
    ("python-pool", "python-direct"),
    ("randsum-threads-1", "randsum-threads-1-scalar"),
    ("randsum-threads-all", "randsum-threads-1"),
    ("randsum-mapreduce-local", "randsum-threads-1"),
    ("randsum-mapreduce-cluster", "randsum-threads-1"),
]


def fail(message, code=1):
    print(f"analyze.py: {message}", file=sys.stderr)
    sys.exit(code)


def read_raw(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def append_raw(path, row):
    is_new = not os.path.exists(path)
    with open(path, "a", newline="") as f:
        writer = csv.DictWriter(f, RAW_FIELDS)
        if is_new:
            writer.writeheader()
        writer.writerow(row)


def short_n(n):
    """1000 -> 1e3, so crossover lines read like the chart's axis."""
    digits = str(n)
    if n >= 1000 and digits.rstrip("0") == "1":
        return f"1e{len(digits) - 1}"
    return digits


def record(args):
    lines = [line for line in sys.stdin.read().splitlines() if line.strip()]
    where = f"{args.approach} n={args.n}"
    if len(lines) != 1:
        fail(f"{where}: expected exactly one JSON line on stdout (logs belong on stderr), got {len(lines)}:\n"
             + "\n".join(lines[:20]))
    try:
        result = json.loads(lines[0])
    except ValueError:
        fail(f"{where}: stdout is not JSON: {lines[0]}")
    if not isinstance(result, dict) or "sum" not in result:
        fail(f"{where}: no \"sum\" in {lines[0]}")
    if result.get("n") != args.n:
        fail(f"{where}: program reports n={result.get('n')}")
    compute = result.get("elapsedSeconds", result.get("seconds"))
    if not isinstance(compute, (int, float)):
        fail(f"{where}: no elapsedSeconds/seconds in {lines[0]}")
    try:
        total = str(int(result["sum"]))
    except ValueError:
        fail(f"{where}: \"sum\" is not an integer in {lines[0]}")

    contract = ""
    if args.seed is not None:
        for key, expected in (("seed", args.seed), ("min", args.min), ("max", args.max)):
            if key in result and result[key] != expected:
                fail(f"{where}: program reports {key}={result[key]}, the benchmark asked for {expected}")
        contract = f"{args.seed}:{args.min}:{args.max}"
        for row in read_raw(args.raw):
            if row["contract"] == contract and int(row["n"]) == args.n and row["sum"] != total:
                fail(f"CORRECTNESS CHECK FAILED: {where} summed to {total}, but {row['approach']} "
                     f"summed to {row['sum']} (seed={args.seed}, range=[{args.min},{args.max}])", code=3)

    append_raw(args.raw, {"approach": args.approach, "n": args.n, "wall_seconds": args.wall,
                          "compute_seconds": f"{compute:.9f}", "sum": total, "contract": contract})
    wall_text, compute_text = f"{float(args.wall):.4g}s", f"{compute:.4g}s"
    kernel = f" kernel={result['kernel']}" if isinstance(result.get("kernel"), str) else ""
    print(f"  {args.approach:<26} n={short_n(args.n):<6} wall={wall_text:<10} compute={compute_text:<10} sum={total}{kernel}")


def plan(args):
    measured = summarize(read_raw(args.raw)).get(args.approach, ({}, []))[0]
    reason = None
    if args.max_n is not None and args.n > args.max_n:
        reason = f"above this mode's limit n={short_n(args.max_n)}"
    elif measured:
        base = max(measured)
        predicted = extrapolate(base, measured[base][:2], args.n)[0]
        # Predicting (not waiting for a run over the cap) keeps every run near or under the cap.
        if predicted > args.cap:
            reason = f"predicted {predicted:.3g}s > cap {args.cap:g}s"
    if reason is None:
        return 0
    append_raw(args.raw, {"approach": args.approach, "n": args.n, "wall_seconds": "",
                          "compute_seconds": "", "sum": "", "contract": ""})
    print(f"  {args.approach:<26} n={short_n(args.n):<6} skipped, extrapolated ({reason})")
    return 1


def summarize(rows):
    """Per approach, in first-run order: {n: (wall, compute, sum)} over the measured runs, minimum
    of the repetitions, and the sorted n values that were skipped."""
    approaches = {}
    for row in rows:
        measured, skipped = approaches.setdefault(row["approach"], ({}, set()))
        n = int(row["n"])
        if not row["wall_seconds"]:
            skipped.add(n)
            continue
        wall, compute = float(row["wall_seconds"]), float(row["compute_seconds"])
        if n in measured:
            best_wall, best_compute, best_sum = measured[n]
            # The sum of the fastest run: Python's sums differ from run to run.
            measured[n] = (min(wall, best_wall), min(compute, best_compute),
                           row["sum"] if wall < best_wall else best_sum)
        else:
            measured[n] = (wall, compute, row["sum"])
    return {name: (measured, sorted(skipped - measured.keys())) for name, (measured, skipped) in approaches.items()}


def extrapolate(base_n, base_times, n):
    """(wall, compute) at n from a run at base_n: compute time grows linearly with n, while the
    start-up overhead (wall minus compute) stays, so small base runs do not overstate big ones."""
    wall, compute = base_times
    scaled = compute * n / base_n
    return wall - compute + scaled, scaled


def crossover(parallel, single, column):
    """Smallest common measured n from which on `parallel` beats `single`, or None."""
    common = sorted(parallel.keys() & single.keys())
    found = None
    for n in reversed(common):
        if parallel[n][column] < single[n][column]:
            found = n
        else:
            break
    return found


def finish(args):
    summary = summarize(read_raw(args.raw))
    data_dir = os.path.join(args.out_dir, "chart-data")
    os.makedirs(data_dir, exist_ok=True)
    results_path = os.path.join(args.out_dir, "results.csv")
    names = list(summary)
    extrapolated_indexes = []

    with open(results_path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(RESULT_FIELDS)
        for index, name in enumerate(names, start=1):
            measured, skipped = summary[name]
            base = max(measured, default=None)
            guessed = {n: extrapolate(base, measured[base][:2], n) for n in skipped if base is not None and n > base}
            for n in sorted(measured):
                wall, compute, total = measured[n]
                writer.writerow([name, n, f"{wall:.6f}", f"{compute:.9f}", 0, total])
            for n in sorted(guessed):
                wall, compute = guessed[n]
                writer.writerow([name, n, f"{wall:.6f}", f"{compute:.9f}", 1, ""])
            with open(os.path.join(data_dir, f"{name}.dat"), "w") as dat:
                for n in sorted(measured):
                    dat.write(f"{n} {measured[n][0]:.6f} {measured[n][1]:.9f}\n")
            if guessed:
                extrapolated_indexes.append(str(index))
                # Starts at the last measured point so the dashed line continues the solid one.
                with open(os.path.join(data_dir, f"{name}.extrapolated.dat"), "w") as dat:
                    dat.write(f"{base} {measured[base][0]:.6f} {measured[base][1]:.9f}\n")
                    for n in sorted(guessed):
                        dat.write(f"{n} {guessed[n][0]:.6f} {guessed[n][1]:.9f}\n")

    with open(os.path.join(data_dir, "series.gp"), "w") as f:
        f.write(f'approaches = "{" ".join(names)}"\n')
        f.write(f'extrapolated = "{" ".join(extrapolated_indexes)}"\n')
        f.write(f'reps = "{args.reps}"\n')
    print(f"wrote {results_path}")


def print_crossovers(args):
    summary = summarize(read_raw(args.raw))
    print("crossover: smallest measured n from which on the parallel approach (or the vector kernel) is "
          "faster (whole-run wall time; in-process compute time in brackets)")
    for parallel, single in CROSSOVERS:
        if parallel not in summary or single not in summary:
            continue
        runs, baseline = summary[parallel][0], summary[single][0]
        wall, compute = crossover(runs, baseline, 0), crossover(runs, baseline, 1)
        wall_text = "never in range" if wall is None else f"n={short_n(wall)}"
        compute_text = "never in range" if compute is None else f"n={short_n(compute)}"
        print(f"  {parallel:<26} vs {single:<18} {wall_text:<15} ({compute_text})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("record")
    p.add_argument("raw")
    p.add_argument("approach")
    p.add_argument("n", type=int)
    p.add_argument("wall")
    p.add_argument("--seed", type=int)
    p.add_argument("--min", type=int)
    p.add_argument("--max", type=int)

    p = commands.add_parser("plan")
    p.add_argument("raw")
    p.add_argument("approach")
    p.add_argument("n", type=int)
    p.add_argument("--cap", type=float, required=True)
    p.add_argument("--max-n", type=int)

    p = commands.add_parser("finish")
    p.add_argument("raw")
    p.add_argument("out_dir")
    p.add_argument("--reps", type=int, default=1)

    p = commands.add_parser("crossover")
    p.add_argument("raw")

    args = parser.parse_args()
    if args.command == "record":
        record(args)
    elif args.command == "plan":
        sys.exit(plan(args))
    elif args.command == "finish":
        finish(args)
    else:
        print_crossovers(args)


if __name__ == "__main__":
    main()
