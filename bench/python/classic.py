#!/usr/bin/env python3
"""The three classic Python approaches to "sum N random integers" (see shared/BACKGROUND.md).

These are timing baselines only: they draw from Python's own `random` module, exactly as the
classic example does, and so do NOT follow the randsum random-stream contract; their sums are
neither reproducible nor comparable with randsum's.

Usage: classic.py {direct|process|pool} N [--procs P] [--min LO] [--max HI]
Prints one JSON line: {"approach":..., "n":N, "procs":P, "sum":"...", "seconds":S}, where
seconds is the in-process compute time, process start-up included (as in the classic plots).
"""
import argparse
import json
import multiprocessing
import os
import random
import time


def sum_random(count, lo, hi):
    """The classic worker loop. Forked children get a fresh seed: `random` reseeds after fork."""
    total = 0
    for _ in range(count):
        total += random.randint(lo, hi)
    return total


def queue_worker(count, lo, hi, queue):
    queue.put(sum_random(count, lo, hi))


def pool_worker(args):
    return sum_random(*args)


def shares(n, procs):
    """Split n into procs counts that differ by at most one, so exactly n values are summed."""
    base, extra = divmod(n, procs)
    return [base + (1 if i < extra else 0) for i in range(procs)]


def direct(n, procs, lo, hi):
    return sum_random(n, lo, hi)


def process(n, procs, lo, hi):
    queue = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=queue_worker, args=(count, lo, hi, queue))
               for count in shares(n, procs)]
    for worker in workers:
        worker.start()
    total = sum(queue.get() for _ in workers)
    for worker in workers:
        worker.join()
    return total


def pool(n, procs, lo, hi):
    with multiprocessing.Pool(processes=procs) as workers:
        return sum(workers.map(pool_worker, [(count, lo, hi) for count in shares(n, procs)]))


APPROACHES = {"direct": direct, "process": process, "pool": pool}


def main():
    parser = argparse.ArgumentParser(description="Classic Python random-sum baselines.")
    parser.add_argument("approach", choices=sorted(APPROACHES))
    parser.add_argument("n", type=int)
    parser.add_argument("--procs", type=int, default=os.cpu_count())
    parser.add_argument("--min", type=int, default=0)
    parser.add_argument("--max", type=int, default=2147483647)
    args = parser.parse_args()
    if args.n < 0 or args.procs < 1 or args.min > args.max:
        parser.error("need N >= 0, P >= 1 and MIN <= MAX")
    # The single-process loop uses one process whatever --procs says.
    procs = 1 if args.approach == "direct" else args.procs

    start = time.perf_counter()
    total = APPROACHES[args.approach](args.n, procs, args.min, args.max)
    seconds = time.perf_counter() - start

    print(json.dumps({"approach": args.approach, "n": args.n, "procs": procs,
                      "sum": str(total), "seconds": round(seconds, 9)}, separators=(",", ":")))


if __name__ == "__main__":
    main()
