#!/usr/bin/env bash
# nginx on 127.0.0.1:$BENCH_PORT serving a directory (static files, ETag on, as nginx does by default),
# with a private config and prefix under bench/work/nginx (nothing in /etc is touched).
#   bench/serve.sh start DIR    serve DIR (restarts if already running)
#   bench/serve.sh stop
#   BENCH_REBUILT=1 bench/serve.sh start DIR   as a feed rebuilt on every request: no ETag,
#                              If-Modified-Since ignored, and a comment with the request's id after the
#                              XML declaration, so every poll gets 200 and new bytes with the same items
set -euo pipefail
. "$(dirname "$0")/lib.sh"
NGX="$WORK/nginx"
PIDFILE="$NGX/nginx.pid"

stop() {
  if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    local pid; pid=$(cat "$PIDFILE")
    kill -QUIT "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" || true
    log "nginx stopped"
  fi
  rm -f "$PIDFILE"
}

start() {
  local dir; dir="$(cd "$1" && pwd)"
  need nginx nginx
  need curl curl
  stop
  mkdir -p "$NGX/logs" "$NGX/tmp"
  cat > "$NGX/nginx.conf" <<CONF
worker_processes auto;
daemon on;
pid $PIDFILE;
error_log $NGX/logs/error.log warn;
user root;
events { worker_connections 1024; }
http {
  types {
    application/rss+xml rss;
    application/atom+xml atom;
    text/xml xml opml;
    text/plain txt;
  }
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 100000;
$( if [ "${BENCH_REBUILT:-0}" = 1 ]; then
  printf '  etag off;\n  if_modified_since off;\n  sub_filter_types *;\n  sub_filter_once on;\n'
  printf "  sub_filter '?>' '?><!-- \$request_id -->';\n"
else
  printf '  etag on;\n'
fi )
  client_body_temp_path $NGX/tmp/body;
  proxy_temp_path $NGX/tmp/proxy;
  fastcgi_temp_path $NGX/tmp/fastcgi;
  uwsgi_temp_path $NGX/tmp/uwsgi;
  scgi_temp_path $NGX/tmp/scgi;
  server {
    listen 127.0.0.1:$BENCH_PORT;
    root $dir;
  }
}
CONF
  nginx -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/logs/error.log" || die "nginx did not start (see $NGX/logs/error.log)"
  wait_http "http://127.0.0.1:$BENCH_PORT/" 10 || die "nginx does not answer on 127.0.0.1:$BENCH_PORT"
  log "nginx serving $dir on http://127.0.0.1:$BENCH_PORT/ (pid $(cat "$PIDFILE"))"
}

case "${1:-}" in
  start) [ $# -eq 2 ] || die "usage: $0 start DIR"; start "$2" ;;
  stop) stop ;;
  *) echo "usage: $0 start DIR | stop" >&2; exit 2 ;;
esac
