#!/usr/bin/env bash
# Import benchmark on SQLite, beside the floor for the same file (stream it, insert every row as text in one
# transaction: sca bench-floor). Two lists:
#   tasks       a task list imported, validated, encrypted and stored into MTH-2021 (sca import-tasks);
#   comparison  a comparison list of people without a card (应发尽发) into YFJF-2022 (sca import-comparison):
#               each ID and village checked, each person classified against the card register, encrypted, stored.
# Usage: tests/bench/import.sh [rows] [runs] [tasks|comparison]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000}; runs=${2:-3}; kind=${3:-tasks}
work=$(mktemp -d)
dotnet build src/SocialCardAudit.Cli -c Release -v q -nologo >/dev/null
sca="dotnet src/SocialCardAudit.Cli/bin/Release/net10.0/sca.dll"
if [ "$kind" = comparison ]; then
  $sca make-comparison-file --rows "$rows" --out "$work/list.xlsx" >/dev/null
  import=(import-comparison --campaign YFJF-2022)
else
  $sca make-task-file --rows "$rows" --out "$work/list.xlsx" >/dev/null
  import=(import-tasks --campaign MTH-2021)
fi
echo "file: $rows rows ($kind), $(du -h "$work/list.xlsx" | cut -f1)"
for i in $(seq 1 "$runs"); do
  rm -f "$work"/app.db* "$work"/floor.db*
  $sca seed-demo --db "$work/app.db" >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/t1" $sca "${import[@]}" --db "$work/app.db" --tenant demo --file "$work/list.xlsx" --json --dev-keys > "$work/out.json"
  /usr/bin/time -f "%e %M" -o "$work/t2" $sca bench-floor --file "$work/list.xlsx" --db "$work/floor.db" >/dev/null
  read -r ours ours_kb < "$work/t1"; read -r floor floor_kb < "$work/t2"
  imported=$(grep -o '"imported":[0-9]*' "$work/out.json" | cut -d: -f2)
  echo "run $i: import ${ours} s wall, $((ours_kb / 1024)) MB peak (imported $imported) | floor ${floor} s, $((floor_kb / 1024)) MB | ratio $(awk "BEGIN { printf \"%.2f\", $ours / $floor }")"
done
rm -rf "$work"
