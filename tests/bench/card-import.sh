#!/usr/bin/env bash
# Card register import benchmark: a bank export of N cards imported, validated, encrypted and stored with its
# first event on SQLite (sca import-cards), beside the floor for the same file (sca bench-floor).
# The demo register already holds the first 240 people, so they count as already present.
# Usage: tests/bench/card-import.sh [rows] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-20000}; runs=${2:-3}
work=$(mktemp -d)
dotnet build src/SocialCardAudit.Cli -c Release -v q -nologo >/dev/null
sca="dotnet src/SocialCardAudit.Cli/bin/Release/net10.0/sca.dll"
$sca make-card-file --rows "$rows" --out "$work/cards.xlsx" >/dev/null
echo "file: $rows cards, $(du -h "$work/cards.xlsx" | cut -f1)"
for i in $(seq 1 "$runs"); do
  rm -f "$work"/app.db* "$work"/floor.db*
  $sca seed-demo --db "$work/app.db" >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/t1" $sca import-cards --db "$work/app.db" --tenant demo --town 梅田湖镇 --file "$work/cards.xlsx" --json --dev-keys > "$work/out.json"
  /usr/bin/time -f "%e %M" -o "$work/t2" $sca bench-floor --file "$work/cards.xlsx" --db "$work/floor.db" >/dev/null
  read -r ours ours_kb < "$work/t1"; read -r floor floor_kb < "$work/t2"
  imported=$(grep -o '"imported":[0-9]*' "$work/out.json" | cut -d: -f2)
  echo "run $i: import ${ours} s wall, $((ours_kb / 1024)) MB peak (imported $imported) | floor ${floor} s, $((floor_kb / 1024)) MB | ratio $(awk "BEGIN { printf \"%.2f\", $ours / $floor }")"
done
rm -rf "$work"
