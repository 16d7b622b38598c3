#!/usr/bin/env bash
# Start-up benchmark: `check` and `preview ID` from the built jar, by java -jar and by bin/feedhub, each BENCH_STARTUP_RUNS times in a fresh
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

# once NAME CMD...: one run in a fresh working directory (it must exit 0); sets WALL, CPU and RSS.
once() {
  local name="$1" rc=0; shift
  rm -rf "$DIR"; mkdir -p "$DIR"
  (cd "$DIR" && timeout 120 /usr/bin/time -v -o time.txt "$@" > out.txt 2> err.txt) || rc=$?
  [ "$rc" = 0 ] || die "$name exited $rc: $(tail -3 "$DIR/err.txt" "$DIR/out.txt")"
  parse_time "$DIR/time.txt" "tmp" "$R.tmp"
  WALL=$(sed -n 's/^tmp_wall_s=//p' "$RESULTS/$R.tmp.env")
  CPU=$(sed -n 's/^tmp_cpu_s=//p' "$RESULTS/$R.tmp.env")
  RSS=$(sed -n 's/^tmp_rss_mb=//p' "$RESULTS/$R.tmp.env")
  rm -f "$RESULTS/$R.tmp.env"
}

# measure NAME ARGS...: the command BENCH_STARTUP_RUNS times; median wall/CPU s and peak RSS recorded.
# With LAUNCH=launcher, through bin/feedhub (class-data sharing) instead of java -jar: its archives live
# in a folder of their own, recorded by one run beforehand that is timed apart (NAME_record_wall_s).
measure() {
  local name="$1"; shift
  local run=(java -jar "$JAR")
  if [ "${LAUNCH:-jar}" = launcher ]; then
    run=(env FEEDHUB_JAR="$JAR" FEEDHUB_CDS_DIR="$WORK/startup-cds" "$ROOT/bin/feedhub")
    once "$name (recording run)" "${run[@]}" "$@"
    record $R "${name}_record_wall_s" "$WALL"
  fi
  local walls=() cpus=() rss=() i
  for i in $(seq 1 "$BENCH_STARTUP_RUNS"); do
    once "$name" "${run[@]}" "$@"
    walls+=("$WALL"); cpus+=("$CPU"); rss+=("$RSS")
  done
  local med="import sys,statistics;print(round(statistics.median(float(x) for x in sys.argv[1:]), 3))"
  record $R "${name}_wall_s" "$(python3 -c "$med" "${walls[@]}")"
  record $R "${name}_cpu_s" "$(python3 -c "$med" "${cpus[@]}")"
  record $R "${name}_rss_mb" "$(python3 -c "$med" "${rss[@]}")"
  record $R "${name}_walls" "${walls[*]}"
  log "$name: wall ${walls[*]} s; CPU ${cpus[*]} s"
}

rm -rf "$WORK/startup-cds"
for LAUNCH in jar launcher; do
  p=""; [ "$LAUNCH" = launcher ] && p="launcher_"
  measure "${p}check" check "--feedhub.feeds=$CORPUS/feeds.yml"
  measure "${p}preview" preview "$SOURCE" "--feedhub.feeds=$CORPUS/feeds.yml" --feedhub.fetch.allow-private-networks=true
done
