#!/usr/bin/env python3
"""Merges the facts of several runs (RESULTS/rep-N/*.env) into RESULTS/*.env: each numeric fact becomes the
median of the runs that have it, and KEY__runs lists the values of every run; other facts are the first run's.
python3 bench/median.py RESULTS_DIR"""
import glob
import os
import shlex
import statistics
import sys

from report import load  # the same reading of the facts files


def number(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def main():
    rd = sys.argv[1]
    reps = sorted(glob.glob(os.path.join(rd, "rep-*")), key=lambda p: int(p.rsplit("-", 1)[1]))
    names = sorted({os.path.basename(f) for r in reps for f in glob.glob(os.path.join(r, "*.env"))})
    for name in names:
        runs = [load(os.path.join(r, name)) for r in reps if os.path.exists(os.path.join(r, name))]
        keys = []
        for run in runs:
            keys += [k for k in run if k not in keys]
        with open(os.path.join(rd, name), "w") as out:
            for k in keys:
                values = [run[k] for run in runs if k in run]
                nums = [number(v) for v in values]
                if values and all(n is not None for n in nums):
                    med = statistics.median(nums)
                    text = str(int(med)) if med == int(med) and all("." not in v for v in values) else f"{med:.4g}"
                    out.write(f"{k}={shlex.quote(text)}\n")
                    if len(values) > 1:
                        out.write(f"{k}__runs={shlex.quote(' '.join(values))}\n")
                else:
                    out.write(f"{k}={shlex.quote(values[0])}\n")
        print(f"merged {len(runs)} run(s) of {name}", file=sys.stderr)


if __name__ == "__main__":
    main()
