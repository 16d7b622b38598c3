#!/usr/bin/env bash
# Ingest benchmark: feedhub's cold and warm `aggregate` passes, newsboat on the same URLs, bare Rome parsing
# of the same files (the ceiling), and a pass under a 256 MB heap at BENCH_HEAP_ITEMS items per source.
# Facts go to bench/work/results/ingest.env; logs stay in bench/work/ingest-*/.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
R=ingest
: > "$RESULTS/$R.env"
need_java; need nginx nginx; need newsboat newsboat; need sqlite3 sqlite3; need python3 python3; need curl curl
build_jar
ensure_corpus "$CORPUS" "$BENCH_ITEMS"
ITEMS=$((BENCH_SOURCES * BENCH_ITEMS))
record $R sources "$BENCH_SOURCES"; record $R items_per_source "$BENCH_ITEMS"; record $R items "$ITEMS"
record $R corpus_mb "$(python3 -c "import json;print(round(json.load(open('$CORPUS/manifest.json'))['bytes']/1e6,1))")"
record $R shared_items "$(python3 -c "import json;print(json.load(open('$CORPUS/manifest.json'))['shared_items'])")"
"$BENCH_DIR/serve.sh" start "$CORPUS"
trap '"$BENCH_DIR/serve.sh" stop' EXIT

FEEDHUB_ARGS=(aggregate "--feedhub.feeds=$CORPUS/feeds.yml" --feedhub.fetch.allow-private-networks=true
  "--feedhub.poll.concurrency=$BENCH_CONCURRENCY" "--feedhub.fetch.per-host=$BENCH_PER_HOST")

# feedhub_pass DIR PREFIX XMX [launcher]: one `aggregate` in DIR (the H2 store is DIR/data), timed by GNU
# time; by java -jar, or with "launcher" by bin/feedhub (class-data sharing; archives in $WORK/ingest-cds).
feedhub_pass() {
  local dir="$1" p="$2" xmx="$3" how="${4:-jar}" rc=0
  local flags=("-Xmx$xmx" -XX:+ExitOnOutOfMemoryError "-Xlog:gc:file=gc-$p.log")
  local run=(java "${flags[@]}" -jar "$JAR")
  [ "$how" = launcher ] && run=(env FEEDHUB_JAR="$JAR" FEEDHUB_CDS_DIR="$WORK/ingest-cds" \
    JAVA_OPTS="${flags[*]}" "$ROOT/bin/feedhub")
  mkdir -p "$dir"
  log "feedhub $p: ${run[*]} ${FEEDHUB_ARGS[*]} (in $dir)"
  (cd "$dir" && timeout "$BENCH_PASS_TIMEOUT" /usr/bin/time -v -o "time-$p.txt" \
      "${run[@]}" "${FEEDHUB_ARGS[@]}" > "out-$p.txt" 2> "err-$p.txt") || rc=$?
  record $R "${p}_exit" "$rc"
  parse_time "$dir/time-$p.txt" "$p" $R
  local line; line=$(grep -E '^pass ' "$dir/out-$p.txt" | tail -1 || true)
  log "feedhub $p: ${line:-no pass line, exit $rc (see $dir/err-$p.txt)}"
  record $R "${p}_line" "$line"
  # pass COMPLETED: N sources, M new stories, F failed, T s
  record $R "${p}_pass_s" "$(sed -nE 's/.*failed, ([0-9.]+) s$/\1/p' <<<"$line")"
  record $R "${p}_new" "$(sed -nE 's/.* ([0-9]+) new stories.*/\1/p' <<<"$line")"
  record $R "${p}_failed" "$(sed -nE 's/.* ([0-9]+) failed.*/\1/p' <<<"$line")"
  record $R "${p}_merged" "$(grep -oE '[0-9]+ merged' "$dir/out-$p.txt" | awk '{s+=$1} END {print s+0}')"
  record $R "${p}_not_modified" "$(grep -c '304 Not Modified' "$dir/out-$p.txt" || true)"
  python3 "$BENCH_DIR/gclog.py" "$dir/gc-$p.log" "$p" >> "$RESULTS/$R.env"
}

log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
record $R load_before "$(cut -d' ' -f1-3 /proc/loadavg)"

# 1. feedhub cold pass: a fresh working directory, so a fresh H2 store.
rm -rf "$WORK/ingest-feedhub"
feedhub_pass "$WORK/ingest-feedhub" cold "$BENCH_XMX"
# 2. warm pass: the same store again; every source answers 304, nothing is parsed.
feedhub_pass "$WORK/ingest-feedhub" warm "$BENCH_XMX"
# 2b. the same by bin/feedhub: a first run records the class-data archive, the second is measured.
rm -rf "$WORK/ingest-cds"
feedhub_pass "$WORK/ingest-feedhub" warm_record "$BENCH_XMX" launcher
feedhub_pass "$WORK/ingest-feedhub" warm_launcher "$BENCH_XMX" launcher
# 2c. a cold pass by bin/feedhub (the C1 compiler and the serial collector; the archive recorded above).
rm -rf "$WORK/ingest-feedhub-launcher"
feedhub_pass "$WORK/ingest-feedhub-launcher" cold_launcher "$BENCH_XMX" launcher
record $R load_after_feedhub "$(cut -d' ' -f1-3 /proc/loadavg)"

# 3. newsboat, the peer: same URLs, reload-threads = feedhub's concurrency, fresh cache.
NB="$WORK/ingest-newsboat"
rm -rf "$NB"; mkdir -p "$NB"
cat > "$NB/config" <<CONF
reload-threads $BENCH_CONCURRENCY
download-timeout 60
max-items 0
show-read-feeds yes
CONF
NB_RUNS=(nb_cold nb_warm)
[ "${BENCH_SKIP_NB_WARM:-0}" = 1 ] && NB_RUNS=(nb_cold)
for p in "${NB_RUNS[@]}"; do
  log "newsboat $p: newsboat -x reload -u urls -c cache.db -C config (reload-threads $BENCH_CONCURRENCY)"
  rc=0
  (cd "$NB" && HOME="$NB" timeout "$BENCH_PASS_TIMEOUT" /usr/bin/time -v -o "time-$p.txt" \
      newsboat -x reload -u "$CORPUS/urls" -c "$NB/cache.db" -C "$NB/config" > "out-$p.txt" 2>&1) || rc=$?
  record $R "${p}_exit" "$rc"
  parse_time "$NB/time-$p.txt" "$p" $R
  record $R "${p}_items_in_cache" "$(sqlite3 "$NB/cache.db" 'SELECT COUNT(*) FROM rss_item')"
  log "newsboat $p: $(grep -F 'Elapsed' "$NB/time-$p.txt" | sed 's/.*: //') wall, $(sqlite3 "$NB/cache.db" 'SELECT COUNT(*) FROM rss_item') items in its cache"
done

# 4. the ceiling: bare Rome parsing of the same files in one JVM, on every core.
mkdir -p "$WORK/java"
if [ ! -s "$WORK/cp.txt" ] || [ "$WORK/cp.txt" -ot "$ROOT/pom.xml" ]; then
  (cd "$ROOT" && ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime) \
    || (cd "$ROOT" && ./mvnw -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime) \
    || die "cannot get the classpath"
fi
javac -cp "$(cat "$WORK/cp.txt")" -d "$WORK/java" "$BENCH_DIR/java/BareParse.java"
THREADS=$(nproc)
log "bare Rome parse: BareParse on $THREADS threads, 3 rounds"
java "-Xmx$BENCH_XMX" -cp "$WORK/java:$(cat "$WORK/cp.txt")" BareParse "$CORPUS/feeds" "$THREADS" 3 \
  | tee "$WORK/bare.txt" | sed 's/^/  /' >&2
sed 's/^/bare_/' "$WORK/bare.txt" >> "$RESULTS/$R.env"

# 5. heap: a cold pass under -Xmx$BENCH_HEAP_XMX with BENCH_HEAP_ITEMS items per source (100k stories at full size).
if [ "${BENCH_SKIP_HEAP:-0}" != 1 ]; then
  ensure_corpus "$HEAP_CORPUS" "$BENCH_HEAP_ITEMS"
  "$BENCH_DIR/serve.sh" start "$HEAP_CORPUS"
  FEEDHUB_ARGS[1]="--feedhub.feeds=$HEAP_CORPUS/feeds.yml"
  record $R heap_items "$((BENCH_SOURCES * BENCH_HEAP_ITEMS))"
  rm -rf "$WORK/ingest-heap"
  feedhub_pass "$WORK/ingest-heap" heap "$BENCH_HEAP_XMX"
  record $R heap_stories_in_store "$(grep -oE '[0-9]+ new stories' "$WORK/ingest-heap/out-heap.txt" | awk '{print $1}')"
  # the same by bin/feedhub, in a store of its own (the serving benchmark uses the one above)
  rm -rf "$WORK/ingest-heap-launcher"
  feedhub_pass "$WORK/ingest-heap-launcher" heap_launcher "$BENCH_HEAP_XMX" launcher
fi
record $R load_after "$(cut -d' ' -f1-3 /proc/loadavg)"
log "ingest done: facts in $RESULTS/$R.env"
