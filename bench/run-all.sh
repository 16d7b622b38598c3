#!/usr/bin/env bash
# The whole benchmark with one command; writes bench/results/latest.md.
#   bench/run-all.sh                 1,000 sources x 50 items, 30 s wrk runs (10-20 minutes)
#   BENCH_QUICK=1 bench/run-all.sh   50 sources x 10 items, 5 s wrk runs (a smoke run, ~2 minutes)
#   BENCH_REPS=3 (the default)       ingest, start-up and serving are run 3 times; the report shows each
#                                    figure's median (and every run's value); newsboat's warm reload, which
#                                    no target needs, runs in the first repetition only
#   BENCH_WORK=/tmp/w BENCH_REPORT=/tmp/r.md ...   keep another run's data and report elsewhere
# Sizes and ports: see the BENCH_* variables in bench/lib.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
START=$(date +%s)
rm -rf "$RESULTS"/*.env "$RESULTS"/rep-*
: "${BENCH_REPS:=3}"
M=machine
record $M command "$( [ "${BENCH_QUICK:-0}" = 1 ] && echo 'BENCH_QUICK=1 ' )bench/run-all.sh"
record $M quick "${BENCH_QUICK:-0}"
record $M date "$(date -u '+%Y-%m-%d %H:%M UTC')"
record $M nproc "$(nproc)"
record $M mem "$(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
record $M cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
need_java
record $M java "$(java -version 2>&1 | head -2 | tr '\n' ' ')"
record $M commit "$(cd "$ROOT" && git rev-parse --short HEAD) ($(cd "$ROOT" && git log -1 --format=%s | cut -c1-70))"
record $M load_start "$(cut -d' ' -f1-3 /proc/loadavg)"
for pair in port:BENCH_PORT app_port:BENCH_APP_PORT concurrency:BENCH_CONCURRENCY per_host:BENCH_PER_HOST \
            xmx:BENCH_XMX heap_xmx:BENCH_HEAP_XMX heap_items:BENCH_HEAP_ITEMS topic:BENCH_TOPIC; do
  var="${pair#*:}"; record $M "${pair%%:*}" "${!var}"
done

record $M reps "$BENCH_REPS"
for rep in $(seq 1 "$BENCH_REPS"); do
  log "repetition $rep of $BENCH_REPS"
  [ "$rep" -gt 1 ] && export BENCH_SKIP_NB_WARM=1
  "$BENCH_DIR/ingest.sh"
  "$BENCH_DIR/startup.sh"
  "$BENCH_DIR/serve-load.sh"
  mkdir -p "$RESULTS/rep-$rep"
  mv "$RESULTS/ingest.env" "$RESULTS/startup.env" "$RESULTS/serve.env" "$RESULTS/rep-$rep/"
done
python3 "$BENCH_DIR/median.py" "$RESULTS"

need nginx nginx; need newsboat newsboat; need wrk wrk
record $M peers "$(nginx -v 2>&1 | sed 's/.*: //'), $(newsboat --version | head -1 | cut -d' ' -f1-2), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
record $M load_end "$(cut -d' ' -f1-3 /proc/loadavg)"
record $M total_s "$(( $(date +%s) - START ))"
REPORT="${BENCH_REPORT:-$BENCH_DIR/results/latest.md}"
mkdir -p "$(dirname "$REPORT")"
python3 "$BENCH_DIR/report.py" "$RESULTS" > "$REPORT.tmp"
mv "$REPORT.tmp" "$REPORT"
log "wrote $REPORT"
