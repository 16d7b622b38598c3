# Shared by the bench scripts: parameters (environment variables), tool installation, helpers.
# Everything listens on 127.0.0.1 only; every load loop is bounded in count and time.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
WORK="${BENCH_WORK:-$BENCH_DIR/work}"
JAR="$ROOT/target/feedhub.jar"

if [ "${BENCH_QUICK:-0}" = 1 ]; then
  : "${BENCH_SOURCES:=50}" "${BENCH_ITEMS:=10}" "${BENCH_HEAP_ITEMS:=20}" "${BENCH_WRK_DURATION:=5s}"
else
  : "${BENCH_SOURCES:=1000}" "${BENCH_ITEMS:=50}" "${BENCH_HEAP_ITEMS:=100}" "${BENCH_WRK_DURATION:=30s}"
fi
: "${BENCH_PORT:=18480}"            # nginx: the generated sources and the saved topic feed
: "${BENCH_APP_PORT:=18481}"        # feedhub's server in serve-load.sh
: "${BENCH_CONCURRENCY:=16}"        # feedhub.poll.concurrency, and newsboat's reload-threads
: "${BENCH_PER_HOST:=$BENCH_CONCURRENCY}"  # feedhub.fetch.per-host (all sources share one host, 127.0.0.1)
: "${BENCH_XMX:=512m}"              # heap of the cold/warm passes
: "${BENCH_HEAP_XMX:=256m}"         # heap of the heap-limit run and of the server
: "${BENCH_WRK_THREADS:=2}" "${BENCH_WRK_CONNS:=32}"
: "${BENCH_PASS_TIMEOUT:=1800}"     # seconds: a pass that takes longer is killed
: "${BENCH_TOPIC:=all}"
export BENCH_SOURCES BENCH_ITEMS BENCH_HEAP_ITEMS BENCH_WRK_DURATION BENCH_PORT BENCH_APP_PORT BENCH_CONCURRENCY \
  BENCH_PER_HOST BENCH_XMX BENCH_HEAP_XMX BENCH_WRK_THREADS BENCH_WRK_CONNS BENCH_PASS_TIMEOUT BENCH_TOPIC

CORPUS="$WORK/corpus-${BENCH_SOURCES}x${BENCH_ITEMS}"
HEAP_CORPUS="$WORK/corpus-${BENCH_SOURCES}x${BENCH_HEAP_ITEMS}"
RESULTS="$WORK/results"     # key=value facts gathered by the scripts, read by run-all.sh
mkdir -p "$WORK" "$RESULTS"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# record FILE KEY VALUE: appends one fact to $RESULTS/FILE.env
record() { printf '%s=%q\n' "$2" "$3" >> "$RESULTS/$1.env"; }

# need CMD PACKAGE: installs the Debian package when the command is missing.
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  [ -x "$1" ] && return 0
  log "installing $2 (for $1)"
  if ! apt-get install -y -q "$2" >/dev/null 2>&1; then
    apt-get update -q >/dev/null 2>&1 || true
    apt-get install -y -q "$2" >/dev/null || die "cannot install $2"
  fi
}

need_java() { need java openjdk-17-jdk-headless; need /usr/bin/time time; }

build_jar() {
  if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]; then
    log "building $JAR (missing or older than the sources)"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package) || die "build failed"
  fi
}

ensure_corpus() {   # ensure_corpus DIR ITEMS
  local dir="$1" items="$2"
  if [ ! -f "$dir/manifest.json" ] || ! grep -q "\"port\": $BENCH_PORT," "$dir/manifest.json"; then
    rm -rf "$dir"
    python3 "$BENCH_DIR/gen.py" --sources "$BENCH_SOURCES" --items "$items" --port "$BENCH_PORT" --out "$dir" \
      || die "gen.py failed"
  fi
}

# parse_time FILE PREFIX RESULTFILE: wall, user+sys CPU and peak RSS from GNU time -v output
parse_time() {
  local f="$1" p="$2" r="$3"
  local wall user sys rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$f" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  user=$(awk -F': ' '/User time/ {print $2}' "$f")
  sys=$(awk -F': ' '/System time/ {print $2}' "$f")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$f")
  record "$r" "${p}_wall_s" "$wall"
  record "$r" "${p}_cpu_s" "$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}')"
  record "$r" "${p}_rss_mb" "$(awk -v k="$rss" 'BEGIN{printf "%.0f", k/1024}')"
}

# wait_http URL SECONDS: waits until URL answers (any status)
wait_http() {
  local url="$1" n="${2:-60}" i
  for ((i = 0; i < n * 4; i++)); do
    curl -s -o /dev/null "$url" && return 0
    sleep 0.25
  done
  return 1
}
