#!/usr/bin/env bash
# Weekly report benchmark on the county the issue names: 20 towns × 15 villages (village names repeating from
# town to town) under one county campaign, N task rows through the importer and 60 % of them verified over the
# campaign's weeks (sca bench-county). Then the report of a frozen week and of the live week (screen figures:
# sca weekly-report --time, the report part), the Excel and the PDF, beside the floor: one hand-written
# GROUP BY (sca bench-report-floor). Runs reuse the seeded database.
# On PostgreSQL instead of the SQLite file (the server from tests/postgres.sh): SCA_BENCH_ENGINE=postgres.
# Usage: tests/bench/weekly-report.sh [rows] [runs] [towns] [villages]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}; runs=${2:-3}; towns=${3:-20}; villages=${4:-15}
work=$(mktemp -d)
dotnet build src/SocialCardAudit.Cli -c Release -v q -nologo >/dev/null
sca="dotnet src/SocialCardAudit.Cli/bin/Release/net10.0/sca.dll"
if [ "${SCA_BENCH_ENGINE:-sqlite}" = postgres ]; then
  server="$(bash tests/postgres.sh)"
  PGPASSWORD="${server##*Password=}" psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS sca_bench_report WITH (FORCE)" >/dev/null
  db=(--provider PostgreSql --connection "$server;Database=sca_bench_report;Command Timeout=600")
  size() { PGPASSWORD="${server##*Password=}" psql -qtA -h 127.0.0.1 -U postgres -d postgres -c "SELECT pg_size_pretty(pg_database_size('sca_bench_report'))"; }
else
  db=(--db "$work/app.db")
  size() { du -h "$work/app.db" | cut -f1; }
fi
start=$(date +%s)
$sca bench-county "${db[@]}" --towns "$towns" --villages "$villages" --rows "$rows" --progress 0.6 >/dev/null
echo "seeded $rows rows in $towns towns × $villages villages in $(( $(date +%s) - start )) s, database $(size)"
args=("${db[@]}" --dev-keys --tenant bench --campaign XQ-2021)
for i in $(seq 1 "$runs"); do
  json=$($sca weekly-report "${args[@]}" --week 2021-W26 --format json --time 2>&1 >/dev/null)
  /usr/bin/time -f "%e %M" -o "$work/tx" $sca weekly-report "${args[@]}" --week 2021-W26 --format xlsx --out "$work/r.xlsx" --time 2> "$work/xlsx.err" >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/tp" $sca weekly-report "${args[@]}" --week 2021-W26 --format pdf --out "$work/r.pdf" --time 2> "$work/pdf.err" >/dev/null
  live=$($sca weekly-report "${args[@]}" --format json --time 2>&1 >/dev/null)
  floor=$($sca bench-report-floor "${db[@]}" --campaign XQ-2021)
  read -r xs xkb < "$work/tx"; read -r ps pkb < "$work/tp"
  echo "run $i: frozen week: $json | live week: $live | xlsx ${xs} s wall $((xkb / 1024)) MB ($(grep -o 'total [0-9]* ms' "$work/xlsx.err")) | pdf ${ps} s wall $((pkb / 1024)) MB ($(grep -o 'total [0-9]* ms' "$work/pdf.err")) | floor: $floor"
done
echo "pages: $(pdfinfo "$work/r.pdf" 2>/dev/null | grep -o 'Pages: *[0-9]*' || echo '?'), xlsx $(du -h "$work/r.xlsx" | cut -f1), pdf $(du -h "$work/r.pdf" | cut -f1)"
rm -rf "$work"
