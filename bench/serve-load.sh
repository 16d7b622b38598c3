#!/usr/bin/env bash
# Serving benchmark: feedhub's server on an aggregated store, wrk against /topics/$BENCH_TOPIC.atom, the same
# bytes as a static file from nginx, and the 304 path of both (If-None-Match with each one's own ETag).
# Uses the store of the heap run (bench/work/ingest-heap, the bigger one) or else of the cold pass; run
# bench/ingest.sh first. Facts go to bench/work/results/serve.env.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
R=serve
: > "$RESULTS/$R.env"
need_java; need nginx nginx; need wrk wrk; need curl curl
build_jar
STORE="${BENCH_STORE:-}"
if [ -z "$STORE" ]; then
  if [ -d "$WORK/ingest-heap/data" ]; then STORE="$WORK/ingest-heap"; FEEDS="$HEAP_CORPUS/feeds.yml"
  else STORE="$WORK/ingest-feedhub"; FEEDS="$CORPUS/feeds.yml"; fi
fi
: "${FEEDS:=$CORPUS/feeds.yml}"
[ -d "$STORE/data" ] || die "no aggregated store in $STORE: run bench/ingest.sh first"
[ -f "$FEEDS" ] || die "no $FEEDS: run bench/ingest.sh first"
record $R store "$STORE"

SRV="$WORK/serve"
rm -rf "$SRV"; mkdir -p "$SRV/root/topics"
APP="http://127.0.0.1:$BENCH_APP_PORT"
PID=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID"; for _ in $(seq 1 120); do kill -0 "$PID" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$PID" 2>/dev/null && kill -9 "$PID"
  fi
  "$BENCH_DIR/serve.sh" stop
}
trap cleanup EXIT

log "feedhub server: java -Xmx$BENCH_HEAP_XMX -jar feedhub.jar --server.port=$BENCH_APP_PORT --server.address=127.0.0.1 (store $STORE)"
(cd "$STORE" && exec java "-Xmx$BENCH_HEAP_XMX" -XX:+ExitOnOutOfMemoryError "-Xlog:gc:file=$SRV/gc.log" -jar "$JAR" \
    "--server.port=$BENCH_APP_PORT" --server.address=127.0.0.1 "--feedhub.feeds=$FEEDS" \
    --feedhub.schedule.enabled=false --feedhub.fetch.allow-private-networks=true > "$SRV/server.log" 2>&1) &
PID=$!
for _ in $(seq 1 480); do
  curl -sf -o /dev/null "$APP/topics/$BENCH_TOPIC.atom" && break
  kill -0 "$PID" 2>/dev/null || die "feedhub server exited (see $SRV/server.log)"
  sleep 0.25
done
URL="$APP/topics/$BENCH_TOPIC.atom"
curl -sf -D "$SRV/headers.txt" -o "$SRV/root/topics/$BENCH_TOPIC.atom" "$URL" || die "feedhub does not serve $URL"
FH_ETAG=$(awk 'tolower($1)=="etag:" {print $2}' "$SRV/headers.txt" | tr -d '\r')
BYTES=$(stat -c %s "$SRV/root/topics/$BENCH_TOPIC.atom")
ENTRIES=$(grep -o '<entry[ >]' "$SRV/root/topics/$BENCH_TOPIC.atom" | wc -l)
record $R feed_bytes "$BYTES"; record $R feed_entries "$ENTRIES"; record $R feedhub_etag "$FH_ETAG"
log "feedhub serves $URL: $BYTES bytes, $ENTRIES entries, ETag $FH_ETAG"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $FH_ETAG" "$URL")" = 304 ] || die "feedhub does not answer 304 to its ETag"

"$BENCH_DIR/serve.sh" start "$SRV/root"
NGX_URL="http://127.0.0.1:$BENCH_PORT/topics/$BENCH_TOPIC.atom"
NGX_ETAG=$(curl -sI "$NGX_URL" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r')
record $R nginx_etag "$NGX_ETAG"
[ "$(curl -s "$NGX_URL" | cmp - "$SRV/root/topics/$BENCH_TOPIC.atom" && echo same)" = same ] || die "nginx serves other bytes"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $NGX_ETAG" "$NGX_URL")" = 304 ] || die "nginx does not answer 304"

WRK=(wrk "-t$BENCH_WRK_THREADS" "-c$BENCH_WRK_CONNS" "-d$BENCH_WRK_DURATION" --latency --timeout 10s)
record $R wrk "${WRK[*]}"
# run NAME URL [HEADER]: one bounded wrk run; requests/s, p50/p99 latency and errors to the results.
run() {
  local name="$1" url="$2" out="$SRV/wrk-$1.txt"
  shift 2
  log "wrk $name: ${WRK[*]} $* $url"
  timeout 300 "${WRK[@]}" "$@" "$url" > "$out" 2>&1 || die "wrk failed: $(cat "$out")"
  python3 - "$out" "$name" >> "$RESULTS/$R.env" <<'PY'
import re, sys
t = open(sys.argv[1]).read(); n = sys.argv[2]
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s)", v); x = float(m[1])
    return x / 1000 if m[2] == "us" else x * 1000 if m[2] == "s" else x
rps = re.search(r"Requests/sec:\s+([\d.]+)", t)[1]
lat = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", t, re.M))
reqs = re.search(r"(\d+) requests in", t)[1]
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
err = re.search(r"Socket errors: (.*)", t)
print(f"{n}_rps={float(rps):.0f}\n{n}_p50_ms={ms(lat['50']):.2f}\n{n}_p99_ms={ms(lat['99']):.2f}\n{n}_requests={reqs}")
print(f"{n}_non2xx3xx={bad[1] if bad else 0}\n{n}_socket_errors='{err[1] if err else 'none'}'")
PY
  grep -E 'Requests/sec|99%' "$out" | sed 's/^/  /' >&2
}
# JIT warm-up of the server, not recorded (bounded: 5 s).
timeout 60 wrk -t1 -c4 -d5s "$URL" > /dev/null 2>&1 || true
timeout 60 wrk -t1 -c4 -d2s -H "If-None-Match: $FH_ETAG" "$URL" > /dev/null 2>&1 || true
record $R load_before "$(cut -d' ' -f1-3 /proc/loadavg)"
run feedhub_200 "$URL"
run nginx_200 "$NGX_URL"
run feedhub_304 "$URL" -H "If-None-Match: $FH_ETAG"
run nginx_304 "$NGX_URL" -H "If-None-Match: $NGX_ETAG"
record $R load_after "$(cut -d' ' -f1-3 /proc/loadavg)"

# The server's heap after the load: as it stands, then live data after a full GC.
jcmd "$PID" GC.heap_info > "$SRV/heap-before.txt" 2>&1 || true
jcmd "$PID" GC.run > /dev/null 2>&1 || true
jcmd "$PID" GC.heap_info > "$SRV/heap-after-gc.txt" 2>&1 || true
used() { sed -nE 's/.*garbage-first heap +total ([0-9]+)K, used ([0-9]+)K.*/\1 \2/p' "$1" | head -1; }
read -r tot u < <(used "$SRV/heap-before.txt" || echo "0 0") || true
record $R server_heap_committed_mb "$(( ${tot:-0} / 1024 ))"; record $R server_heap_used_mb "$(( ${u:-0} / 1024 ))"
read -r tot u < <(used "$SRV/heap-after-gc.txt" || echo "0 0") || true
record $R server_heap_live_mb "$(( ${u:-0} / 1024 ))"
record $R server_rss_mb "$(( $(awk '/VmHWM/ {print $2}' "/proc/$PID/status") / 1024 ))"
record $R server_pid "$PID"
log "serve-load done: facts in $RESULTS/$R.env"
