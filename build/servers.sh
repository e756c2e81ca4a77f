#!/usr/bin/env bash
# Real database servers on loopback for the accuracy corpus (Accuracy.Tests), from Debian's packages.
#   build/servers.sh install           installs postgresql and redis-server when missing (apt-get; needs root)
#   build/servers.sh start <dir>       starts both with their data in <dir>; prints PG=<connection string> and REDIS=<host:port>
#   build/servers.sh stop <dir>        stops what start started there
# PostgreSQL refuses to run as root, so when run as root it runs as the 'postgres' user the package creates.
set -euo pipefail

pg_bin() {
  local v
  for v in /usr/lib/postgresql/*/bin; do [ -x "$v/initdb" ] && { echo "$v"; return; }; done
  return 1
}

free_port() {
  python3 - <<'EOF' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
EOF
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install() {
  local missing=()
  pg_bin >/dev/null || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "servers.sh: installing ${missing[*]} from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

start() {
  local dir="$1"
  install
  mkdir -p "$dir"
  local bin; bin="$(pg_bin)"
  local pgport redisport
  pgport="$(free_port)"; redisport="$(free_port)"
  mkdir -p "$dir/pg" "$dir/pgsock"
  [ "$(id -u)" = 0 ] && chown -R postgres "$dir/pg" "$dir/pgsock" && chmod 755 "$dir"
  as_pg "$bin/initdb" -D "$dir/pg" -U postgres -A trust --no-sync >"$dir/initdb.log" 2>&1
  as_pg "$bin/pg_ctl" -D "$dir/pg" -l "$dir/pg/server.log" -w -t 60 \
    -o "-p $pgport -k $dir/pgsock -c listen_addresses=127.0.0.1 -c fsync=off" start >"$dir/pg_ctl.log" 2>&1
  redis-server --port "$redisport" --bind 127.0.0.1 --save "" --appendonly no --enable-debug-command yes \
    --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir"
  for _ in $(seq 50); do redis-cli -p "$redisport" ping >/dev/null 2>&1 && break; sleep 0.1; done
  echo "PG=Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres;Pooling=false"
  echo "REDIS=127.0.0.1:$redisport"
}

stop() {
  local dir="$1"
  local bin; bin="$(pg_bin)" || true
  [ -n "${bin:-}" ] && [ -f "$dir/pg/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$dir/pg" -m immediate stop >/dev/null 2>&1 || true
  [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
}

case "${1:-}" in
  install) install ;;
  start) start "${2:?data folder}" ;;
  stop) stop "${2:?data folder}" ;;
  *) echo "usage: $0 install | start <dir> | stop <dir>" >&2; exit 2 ;;
esac
