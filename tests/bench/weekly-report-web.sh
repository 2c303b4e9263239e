#!/usr/bin/env bash
# The weekly report as the county and a town see it in the browser: the real app (Release, SQLite) over the
# benchmark county of tests/bench/weekly-report.sh (sca bench-county: 20 towns × 15 villages, N rows, 60 %
# verified), signed in as bench.county / bench.town; times each page and download over loopback (curl).
# Usage: tests/bench/weekly-report-web.sh [rows] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}; runs=${2:-3}; port=5096
work=$(mktemp -d)
dotnet build src/SocialCardAudit.Cli -c Release -v q -nologo >/dev/null
dotnet build src/SocialCardAudit.Web -c Release -v q -nologo >/dev/null
dotnet src/SocialCardAudit.Cli/bin/Release/net10.0/sca.dll bench-county --db "$work/app.db" --rows "$rows" --progress 0.6 >/dev/null
ASPNETCORE_ENVIRONMENT=Development Demo__Progress=0 ConnectionStrings__Default="Data Source=$work/app.db" Logging__File__Path=none Logging__Console=none \
  dotnet src/SocialCardAudit.Web/bin/Release/net10.0/SocialCardAudit.Web.dll --contentRoot "$PWD/src/SocialCardAudit.Web" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
until curl -fs -o /dev/null "$base/health"; do sleep 0.2; done
signin() {
  local jar="$work/$1.jar" token
  token=$(curl -s -c "$jar" -b "$jar" "$base/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "UserName=$1" --data-urlencode "Password=Demo@2021" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/account/login"
}
signin bench.county; signin bench.town
campaign=$(curl -s -b "$work/bench.county.jar" "$base/campaigns" | grep -o '/campaigns/[0-9]*"' | head -1 | grep -o '[0-9]*')
time_get() { curl -s -b "$work/$1.jar" -o "$work/out" -w "%{http_code} %{time_total}s %{size_download}B" "$base$2"; }
for i in $(seq 1 "$runs"); do
  echo "run $i:" \
    "county frozen $(time_get bench.county "/reports/weekly?campaign=$campaign&week=2021-W26") |" \
    "county live $(time_get bench.county "/reports/weekly?campaign=$campaign") |" \
    "dashboard $(time_get bench.county "/reports/dashboard?campaign=$campaign") |" \
    "town live $(time_get bench.town "/reports/weekly?campaign=$campaign") |" \
    "xlsx $(time_get bench.county "/reports/weekly.xlsx?campaign=$campaign&week=2021-W26") |" \
    "pdf $(time_get bench.county "/reports/weekly.pdf?campaign=$campaign&week=2021-W26") |" \
    "statistics overview $(time_get bench.county "/statistics")"
done
