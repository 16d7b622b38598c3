#!/usr/bin/env bash
# Start-up benchmark: `check` and `preview ID` from the built jar, each BENCH_STARTUP_RUNS times in a fresh
# working directory (no database, as an editor runs them before the first pass), wall and CPU seconds by GNU
# time; the median goes to bench/work/results/startup.env. preview fetches one generated source from nginx.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
R=startup
: > "$RESULTS/$R.env"
: "${BENCH_STARTUP_RUNS:=5}"
need_java; need nginx nginx
build_jar
ensure_corpus "$CORPUS" "$BENCH_ITEMS"
"$BENCH_DIR/serve.sh" start "$CORPUS"
trap '"$BENCH_DIR/serve.sh" stop' EXIT
DIR="$WORK/startup"
SOURCE=$(awk '/- id:/ {print $3; exit}' "$CORPUS/feeds.yml")
[ -n "$SOURCE" ] || die "no source id in $CORPUS/feeds.yml"
record $R runs "$BENCH_STARTUP_RUNS"; record $R preview_source "$SOURCE"

# measure NAME ARGS...: the command BENCH_STARTUP_RUNS times; median wall/CPU s and peak RSS recorded.
measure() {
  local name="$1"; shift
  local walls=() cpus=() rss=() i rc
  for i in $(seq 1 "$BENCH_STARTUP_RUNS"); do
    rm -rf "$DIR"; mkdir -p "$DIR"
    rc=0
    (cd "$DIR" && timeout 120 /usr/bin/time -v -o time.txt java -jar "$JAR" "$@" > out.txt 2> err.txt) || rc=$?
    [ "$rc" = 0 ] || die "$name exited $rc: $(tail -3 "$DIR/err.txt" "$DIR/out.txt")"
    parse_time "$DIR/time.txt" "tmp" "$R.tmp"
    walls+=("$(sed -n 's/^tmp_wall_s=//p' "$RESULTS/$R.tmp.env")")
    cpus+=("$(sed -n 's/^tmp_cpu_s=//p' "$RESULTS/$R.tmp.env")")
    rss+=("$(sed -n 's/^tmp_rss_mb=//p' "$RESULTS/$R.tmp.env")")
    rm -f "$RESULTS/$R.tmp.env"
  done
  local med="import sys,statistics;print(round(statistics.median(float(x) for x in sys.argv[1:]), 3))"
  record $R "${name}_wall_s" "$(python3 -c "$med" "${walls[@]}")"
  record $R "${name}_cpu_s" "$(python3 -c "$med" "${cpus[@]}")"
  record $R "${name}_rss_mb" "$(python3 -c "$med" "${rss[@]}")"
  record $R "${name}_walls" "${walls[*]}"
  log "$name: wall ${walls[*]} s; CPU ${cpus[*]} s"
}

measure check check "--feedhub.feeds=$CORPUS/feeds.yml"
measure preview preview "$SOURCE" "--feedhub.feeds=$CORPUS/feeds.yml" --feedhub.fetch.allow-private-networks=true
