#!/usr/bin/env bash
# A verifier's offline day synced at once: N findings, each with a photo of the signed sheet, sent one after
# another as the offline app sends them, then all sent again (every resend must record nothing). Real app over
# loopback, Release build, SQLite in WAL mode. Prints one JSON line.
# Usage: tests/bench/sync.sh [findings] [photo-kb]
set -euo pipefail
cd "$(dirname "$0")/../.."
findings=${1:-200}; photo=${2:-150}; port=5099
work=$(mktemp -d)
dotnet build src/SocialCardAudit.Cli -c Release -v q -nologo >/dev/null
dotnet build src/SocialCardAudit.Web -c Release -v q -nologo >/dev/null
sca="dotnet src/SocialCardAudit.Cli/bin/Release/net10.0/sca.dll"
# Twelve verifiers, one per village of 梅田湖镇, so that bench.v001 holds enough rows of its own village.
$sca bench-seed --db "$work/app.db" --verifiers 12 --rows-each "$((findings + 10))" >/dev/null
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Default="Data Source=$work/app.db" Logging__File__Path=none Logging__Console=none \
  dotnet src/SocialCardAudit.Web/bin/Release/net10.0/SocialCardAudit.Web.dll --contentRoot "$PWD/src/SocialCardAudit.Web" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.2; done
$sca bench-sync --url "http://127.0.0.1:$port" --findings "$findings" --photo-kb "$photo"
