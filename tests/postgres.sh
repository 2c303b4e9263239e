#!/usr/bin/env bash
# Starts a local PostgreSQL server for the tests (Debian's, installed when missing) and prints the connection
# string to it, without a database: each test host makes a database of its own there and drops it afterwards.
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
if ! command -v pg_ctlcluster >/dev/null; then
  echo "Installing postgresql ..." >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
pg_lsclusters -h | grep -q "^$version main " || as_root pg_createcluster "$version" main >/dev/null
pg_lsclusters -h | grep -q "^$version main .* online" || as_root pg_ctlcluster "$version" main start
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
password=${SCA_POSTGRES_PASSWORD:-sca-tests}
as_postgres psql -q -p "$port" -c "ALTER USER postgres PASSWORD '$password';" >/dev/null
echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"
