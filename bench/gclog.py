#!/usr/bin/env python3
"""Summarises a -Xlog:gc file (G1): python3 bench/gclog.py gc.log PREFIX -> PREFIX_heap_* key=value lines.
Lines look like "[12.3s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 120M->45M(256M) 12.3ms"."""
import re
import sys

before = after = committed = pauses = full = 0
pause_ms = 0.0
live_after_full = None
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r"(\d+)M->(\d+)M\((\d+)M\)\s+([\d.]+)ms", line)
    if not m:
        continue
    b, a, c, ms = int(m[1]), int(m[2]), int(m[3]), float(m[4])
    before, after, committed = max(before, b), max(after, a), max(committed, c)
    pauses += 1
    pause_ms += ms
    if "Pause Full" in line:
        full += 1
        live_after_full = a if live_after_full is None else min(live_after_full, a)
p = sys.argv[2]
print(f"{p}_heap_peak_mb={before}\n{p}_heap_after_gc_max_mb={after}\n{p}_heap_committed_mb={committed}\n"
      f"{p}_gc_pauses={pauses}\n{p}_gc_full={full}\n{p}_gc_pause_s={pause_ms / 1000:.2f}\n"
      f"{p}_heap_after_full_gc_mb={'' if live_after_full is None else live_after_full}")
