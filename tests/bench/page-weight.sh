#!/usr/bin/env bash
# What a verifier's phone downloads for one finding page: first visit (page, stylesheet, script) and the
# next (the page alone: the versioned assets are cached for a year). Uncompressed bytes, headers included.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=5097; work=$(mktemp -d); jar="$work/cookies"
dotnet build src/SocialCardAudit.Web -c Release -v q -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Default="Data Source=$work/app.db" Logging__File__Path=none Logging__Console=none \
  dotnet src/SocialCardAudit.Web/bin/Release/net10.0/SocialCardAudit.Web.dll --contentRoot "$PWD/src/SocialCardAudit.Web" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
until curl -fs -o /dev/null "$base/health"; do sleep 0.2; done
token=$(curl -s -c "$jar" -b "$jar" "$base/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "UserName=demo.verifier1" --data-urlencode "Password=Demo@2021" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/account/login"
row=$(curl -s -b "$jar" "$base/my/tasks" | grep -o '/rows/[0-9]*/finding' | head -1)
page=$(curl -s -b "$jar" -o "$work/page.html" -w "%{size_download} %{size_header}" "$base$row")
total=$(( ${page% *} + ${page#* } ))
echo "page $row: $total bytes"
first=$total
for asset in $(grep -o '/\(css\|js\)/site\.\(css\|js\)?v=[^"]*' "$work/page.html"); do
  got=$(curl -s -D "$work/h" -o /dev/null -w "%{size_download} %{size_header}" "$base$asset")
  bytes=$(( ${got% *} + ${got#* } ))
  echo "asset ${asset%%\?*}: $bytes bytes, $(grep -i '^cache-control' "$work/h" | tr -d '\r')"
  first=$(( first + bytes ))
done
echo "first visit: $first bytes; next visit: $total bytes (assets from the phone's cache)"

# The offline app: its shell (page, stylesheet, both scripts, manifest, icon) once, then the day's list as JSON.
shell=$(curl -s -b "$jar" -o "$work/offline.html" -w "%{size_download} %{size_header}" "$base/offline")
app_first=$(( ${shell% *} + ${shell#* } ))
echo "offline page: $app_first bytes"
for asset in $(grep -o '/\(css\|js\)/[a-z]*\.\(css\|js\)?v=[^"]*\|/manifest\.webmanifest' "$work/offline.html") /offline-sw.js /img/icon-192.png; do
  got=$(curl -s -o /dev/null -w "%{size_download} %{size_header}" "$base$asset")
  bytes=$(( ${got% *} + ${got#* } ))
  echo "asset ${asset%%\?*}: $bytes bytes"
  app_first=$(( app_first + bytes ))
done
rows=$(curl -s -b "$jar" "$base/offline/list" | grep -o '"idMasked"' | wc -l)
list=$(curl -s -b "$jar" -o /dev/null -w "%{size_download}" "$base/offline/list")
echo "offline app first visit: $app_first bytes; the day's list: $list bytes for $rows rows"
