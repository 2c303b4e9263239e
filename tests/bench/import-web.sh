#!/usr/bin/env bash
# A county's whole list through the web: a made-up N-row .xlsx uploaded by the town office to the running app
# (Release, SQLite), kept with its job, imported in the background while the progress is polled as the page does.
# Prints the upload time, the import time and the app process's peak memory (VmHWM) from start to the end.
# Usage: tests/bench/import-web.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}; port=5096; work=$(mktemp -d); jar="$work/cookies"
dotnet build src/SocialCardAudit.Cli -c Release -v q -nologo >/dev/null
dotnet build src/SocialCardAudit.Web -c Release -v q -nologo >/dev/null
dotnet src/SocialCardAudit.Cli/bin/Release/net10.0/sca.dll make-task-file --rows "$rows" --out "$work/tasks.xlsx" >/dev/null
echo "file: $rows rows, $(du -h "$work/tasks.xlsx" | cut -f1)"
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Default="Data Source=$work/app.db" Logging__File__Path=none Logging__Console=none \
  dotnet src/SocialCardAudit.Web/bin/Release/net10.0/SocialCardAudit.Web.dll --contentRoot "$PWD/src/SocialCardAudit.Web" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
until curl -fs -o /dev/null "$base/health"; do sleep 0.2; done
token() { curl -s -c "$jar" -b "$jar" "$base$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "UserName=demo.town" --data-urlencode "Password=Demo@2021" \
  --data-urlencode "__RequestVerificationToken=$(token /account/login)" "$base/account/login"
campaign=$(curl -s -b "$jar" "$base/campaigns" | grep -o '/campaigns/[0-9]*"' | head -1 | grep -o '[0-9]*')
form=$(token "/campaigns/$campaign/imports/new")
start=$(date +%s.%N)
location=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w "%{redirect_url}" -F "__RequestVerificationToken=$form" \
  -F "file=@$work/tasks.xlsx;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "$base/campaigns/$campaign/imports")
uploaded=$(date +%s.%N)
id=$(echo "$location" | grep -o '/imports/[0-9]*' | grep -o '[0-9]*')
[ -n "$id" ] || { echo "upload refused: $location"; exit 1; }
while ! curl -s -b "$jar" "$base/imports/$id/status" | grep -q '"finished":true'; do sleep 1; done
done_at=$(date +%s.%N)
status=$(curl -s -b "$jar" "$base/imports/$id/status")
peak=$(grep VmHWM /proc/$app/status | awk '{print $2}')
echo "upload $(awk "BEGIN { printf \"%.1f\", $uploaded - $start }") s, import $(awk "BEGIN { printf \"%.1f\", $done_at - $uploaded }") s, app peak $((peak / 1024)) MB"
echo "$status"
