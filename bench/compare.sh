#!/usr/bin/env bash
# Two builds side by side on the same corpus, interleaved, for a before/after figure:
#   bench/compare.sh OLD.jar NEW.jar [REPS]      (default 3 repetitions; about 7 minutes each)
# Each repetition runs, for OLD then NEW, in a fresh store:
#   cold       the first pass (every item new)
#   warm       the same again, every source answering 304
#   rebuilt    the same again, each feed served as if rebuilt on every request (200, new bytes, the
#              same items; BENCH_REBUILT in serve.sh): every item is parsed and found unchanged, what
#              a feed without validators that stamps its build time costs on every pass
# Prints each run's pass seconds, wall seconds and CPU seconds, and the medians; facts go to
# $WORK/results/compare.env. Uses the corpus and settings of bench/lib.sh (1,000 x 50 by default).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
OLD="$(readlink -f "$1")"; NEW="$(readlink -f "$2")"; REPS="${3:-3}"
[ -f "$OLD" ] && [ -f "$NEW" ] || die "usage: bench/compare.sh OLD.jar NEW.jar [REPS]"
need_java; need nginx nginx; need python3 python3
ensure_corpus "$CORPUS" "$BENCH_ITEMS"
R=compare
: > "$RESULTS/$R.env"
record $R old "$OLD"; record $R new "$NEW"; record $R reps "$REPS"; record $R corpus "$CORPUS"
trap '"$BENCH_DIR/serve.sh" stop' EXIT
ARGS=(aggregate "--feedhub.feeds=$CORPUS/feeds.yml" --feedhub.fetch.allow-private-networks=true
  "--feedhub.poll.concurrency=$BENCH_CONCURRENCY" "--feedhub.fetch.concurrency=$BENCH_CONCURRENCY"
  "--feedhub.fetch.per-host=$BENCH_PER_HOST")

pass() {   # pass JAR DIR NAME: one aggregate, facts NAME_pass_s NAME_wall_s NAME_cpu_s
  local jar="$1" dir="$2" name="$3"
  (cd "$dir" && /usr/bin/time -v -o "time-$name.txt" java "-Xmx$BENCH_XMX" -jar "$jar" "${ARGS[@]}" \
      > "out-$name.txt" 2> "err-$name.txt") || die "$name failed (see $dir/err-$name.txt)"
  parse_time "$dir/time-$name.txt" "$name" $R
  local line; line=$(grep -E '^pass ' "$dir/out-$name.txt" | tail -1)
  record $R "${name}_pass_s" "$(sed -nE 's/.*failed, ([0-9.]+) s$/\1/p' <<<"$line")"
  log "$name: $line"
}

for rep in $(seq 1 "$REPS"); do
  for which in old new; do
    jar=$OLD; [ "$which" = new ] && jar=$NEW
    dir="$WORK/compare-$which"; rm -rf "$dir"; mkdir -p "$dir"
    "$BENCH_DIR/serve.sh" start "$CORPUS"
    pass "$jar" "$dir" "${which}_cold_$rep"
    pass "$jar" "$dir" "${which}_warm_$rep"
    BENCH_REBUILT=1 "$BENCH_DIR/serve.sh" start "$CORPUS"
    pass "$jar" "$dir" "${which}_rebuilt_$rep"
  done
done

python3 - "$RESULTS/$R.env" "$REPS" <<'PY'
import shlex, statistics, sys
facts = {}
for line in open(sys.argv[1]):
    k, _, v = line.rstrip("\n").partition("=")
    facts[k] = shlex.split(v)[0] if v else ""
reps = int(sys.argv[2])
print("| run | measure | old (runs) | new (runs) | new/old |")
print("|---|---|---|---|---|")
for run in ("cold", "warm", "rebuilt"):
    for m in ("pass_s", "wall_s", "cpu_s"):
        vals = {w: [float(facts[f"{w}_{run}_{r}_{m}"]) for r in range(1, reps + 1)] for w in ("old", "new")}
        med = {w: statistics.median(v) for w, v in vals.items()}
        fmt = lambda w: "%.1f (%s)" % (med[w], ", ".join("%.1f" % x for x in vals[w]))
        print(f"| {run} | {m} | {fmt('old')} | {fmt('new')} | {med['new'] / med['old']:.2f}x |")
PY
