#!/usr/bin/env bash
# Start-up time of the web app on a new SQLite file: migrate, seed the demo data, first /health = 200.
# Usage: tests/bench/startup.sh [runs]   (builds once first; each run starts on an empty database)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
port=5099
dotnet build src/SocialCardAudit.Web -c Release -v q -nologo >/dev/null
for i in $(seq 1 "$runs"); do
  folder=$(mktemp -d)
  start=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Default="Data Source=$folder/app.db" Logging__File__Path=none \
    dotnet src/SocialCardAudit.Web/bin/Release/net10.0/SocialCardAudit.Web.dll --contentRoot "$PWD/src/SocialCardAudit.Web" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.05; done
  health=$(( ($(date +%s%N) - start) / 1000000 ))
  login=$(curl -s -o /dev/null -w "%{time_total}" "http://127.0.0.1:$port/account/login")
  curl -s "http://127.0.0.1:$port/account/login" | grep -q "demo.verifier1" || { echo "the demo data was not seeded" >&2; exit 1; }
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$folder"
  echo "run $i: /health 200 after ${health} ms (migrate + seed included); login page then ${login} s"
done
