#!/usr/bin/env bash
# Starts a local PostgreSQL server for the tests (Debian's, installed when missing) and prints the connection
# string to it, without a database: each test host makes a database of its own there and drops it afterwards.
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
password=${SCA_POSTGRES_PASSWORD:-sca-tests}

start_server() {
  if ! command -v pg_ctlcluster >/dev/null; then
    echo "Installing postgresql ..."
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_lsclusters -h | grep -q "^$version main " || as_root pg_createcluster "$version" main >/dev/null
  port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
  if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
    # A server killed without a clean stop (a machine image taken while it ran) leaves its socket lock behind,
    # and the next start refuses while that lock names a process that no longer exists.
    lock=/var/run/postgresql/.s.PGSQL.$port.lock
    holder=$( [ -f "$lock" ] && ps -o stat=,comm= -p "$(head -1 "$lock")" || true)
    if [ -f "$lock" ] && ! [[ "$holder" =~ ^[^Z]*\ +postgres$ ]]; then as_root rm -f "$lock"; fi
    as_root pg_ctlcluster "$version" main start
  fi
  as_postgres psql -q -p "$port" -c "ALTER USER postgres PASSWORD '$password';" >/dev/null
}

# Only the connection string goes to stdout: what the tools say (pg_ctlcluster prints "removed stale pid file."
# after an unclean stop) goes to stderr, where it cannot end up in the string.
start_server >&2
echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"
