#!/usr/bin/env bash
# Findings under load: N verifiers at once, each opening a finding and saving it, on the real app over
# loopback (Release build, SQLite in WAL mode). Prints one JSON line: saves/s and save/open latencies.
# Usage: tests/bench/findings.sh [verifiers] [seconds] [pace-ms]   (pace 0 = no pause: a stress test)
set -euo pipefail
cd "$(dirname "$0")/../.."
verifiers=${1:-100}; seconds=${2:-30}; pace=${3:-0}; port=5098
work=$(mktemp -d)
dotnet build src/SocialCardAudit.Cli -c Release -v q -nologo >/dev/null
dotnet build src/SocialCardAudit.Web -c Release -v q -nologo >/dev/null
sca="dotnet src/SocialCardAudit.Cli/bin/Release/net10.0/sca.dll"
$sca bench-seed --db "$work/app.db" --verifiers "$verifiers" --rows-each 20 >/dev/null
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Default="Data Source=$work/app.db" Logging__File__Path=none Logging__Console=none \
  dotnet src/SocialCardAudit.Web/bin/Release/net10.0/SocialCardAudit.Web.dll --contentRoot "$PWD/src/SocialCardAudit.Web" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.2; done
$sca bench-findings --url "http://127.0.0.1:$port" --verifiers "$verifiers" --seconds "$seconds" --pace-ms "$pace"
