#!/usr/bin/env bash
# The task-list import on PostgreSQL beside SQLite, in one run on one machine: a 100,000-row .xlsx imported
# with `sca import-tasks` into a new demo database on each engine (the server from tests/postgres.sh).
# Usage: tests/bench/import-postgres.sh [rows] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000}; runs=${2:-3}
work=$(mktemp -d)
server="$(bash tests/postgres.sh)"
dotnet build src/SocialCardAudit.Cli -c Release -v q -nologo >/dev/null
sca="dotnet src/SocialCardAudit.Cli/bin/Release/net10.0/sca.dll"
$sca make-task-file --rows "$rows" --out "$work/tasks.xlsx" >/dev/null
echo "file: $rows rows, $(du -h "$work/tasks.xlsx" | cut -f1)"
psql_admin() { PGPASSWORD="${server##*Password=}" psql -q -h 127.0.0.1 -U postgres -d postgres -c "$1" >/dev/null; }
for i in $(seq 1 "$runs"); do
  rm -f "$work"/app.db*
  $sca seed-demo --db "$work/app.db" >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/t1" $sca import-tasks --db "$work/app.db" --tenant demo --campaign MTH-2021 --file "$work/tasks.xlsx" --json --dev-keys > "$work/out1.json"
  psql_admin "DROP DATABASE IF EXISTS sca_bench WITH (FORCE)"
  pg="$server;Database=sca_bench"
  $sca seed-demo --provider PostgreSql --connection "$pg" >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/t2" $sca import-tasks --provider PostgreSql --connection "$pg" --tenant demo --campaign MTH-2021 --file "$work/tasks.xlsx" --json --dev-keys > "$work/out2.json"
  read -r lite lite_kb < "$work/t1"; read -r post post_kb < "$work/t2"
  n1=$(grep -o '"imported":[0-9]*' "$work/out1.json" | cut -d: -f2); n2=$(grep -o '"imported":[0-9]*' "$work/out2.json" | cut -d: -f2)
  echo "run $i: SQLite ${lite} s, $((lite_kb / 1024)) MB (imported $n1) | PostgreSQL ${post} s, $((post_kb / 1024)) MB (imported $n2)"
done
psql_admin "DROP DATABASE IF EXISTS sca_bench WITH (FORCE)"
rm -rf "$work"
