#!/usr/bin/env python3
"""Assigns each group of the labelled corpus to the tuning or the held-out half, once.

Usage: bench/dedup/split.py src/test/resources/dedup/corpus

Groups already in split.txt keep their half. New groups are taken in the order of a hash of their id
(sha256) and each joins the half that has fewer groups of its stratum (language and kind of news,
from the id "en-earnings-03"); on a tie, the hash's lowest bit decides. Deterministic: the same files
give the same split.txt, and adding groups never moves an old one.
"""
import hashlib, json, os, sys

d = sys.argv[1]
path = os.path.join(d, "split.txt")
split = {}
if os.path.exists(path):
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            g, half = line.split()
            assert half in ("tuning", "held-out"), line
            split[g] = half
groups = set()
for f in ("en.jsonl", "ru.jsonl"):
    for line in open(os.path.join(d, f), encoding="utf-8"):
        if line.strip():
            groups.add(json.loads(line)["group"])

def stratum(g):
    lang, kind = g.split("-")[:2]
    return lang + "-" + kind

def h(g):
    return int.from_bytes(hashlib.sha256(g.encode()).digest()[:8], "big")

for g in sorted(groups - split.keys(), key=h):
    s = stratum(g)
    t = sum(1 for x, v in split.items() if stratum(x) == s and v == "tuning")
    o = sum(1 for x, v in split.items() if stratum(x) == s and v == "held-out")
    split[g] = "tuning" if t < o or (t == o and h(g) & 1 == 0) else "held-out"

with open(path, "w", encoding="utf-8") as out:
    out.write("# group half (tuning | held-out); written by bench/dedup/split.py, never edited by hand\n")
    for g in sorted(split):
        out.write(f"{g} {split[g]}\n")
print(f"{len(split)} groups: {sum(v == 'tuning' for v in split.values())} tuning, "
      f"{sum(v == 'held-out' for v in split.values())} held-out")
