#!/usr/bin/env bash
# Comparison-list benchmark (应发尽发): a 100,000-person .xlsx imported into the demo issuance campaign on SQLite
# (sca import-comparison: read, check each ID, classify against the county's card register, encrypt, store), beside
# the floor for the same file (stream it, insert every row as text in one transaction: sca bench-floor).
# Usage: tests/bench/comparison.sh [rows] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000}; runs=${2:-3}
work=$(mktemp -d)
dotnet build src/SocialCardAudit.Cli -c Release -v q -nologo >/dev/null
sca="dotnet src/SocialCardAudit.Cli/bin/Release/net10.0/sca.dll"
$sca make-comparison-file --rows "$rows" --out "$work/list.xlsx" >/dev/null
echo "file: $rows people, $(du -h "$work/list.xlsx" | cut -f1)"
for i in $(seq 1 "$runs"); do
  rm -f "$work"/app.db* "$work"/floor.db*
  $sca seed-demo --db "$work/app.db" >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/t1" $sca import-comparison --db "$work/app.db" --tenant demo --campaign YFJF-2022 --file "$work/list.xlsx" --json --dev-keys > "$work/out.json"
  /usr/bin/time -f "%e %M" -o "$work/t2" $sca bench-floor --file "$work/list.xlsx" --db "$work/floor.db" >/dev/null
  read -r ours ours_kb < "$work/t1"; read -r floor floor_kb < "$work/t2"
  imported=$(grep -o '"imported":[0-9]*' "$work/out.json" | cut -d: -f2)
  echo "run $i: import ${ours} s wall, $((ours_kb / 1024)) MB peak (imported $imported) | floor ${floor} s, $((floor_kb / 1024)) MB | ratio $(awk "BEGIN { printf \"%.2f\", $ours / $floor }")"
done
rm -rf "$work"
