#!/usr/bin/env bash
# Findings under load through nginx over three app nodes on one PostgreSQL database (tests/nodes.sh): N verifiers
# at once, each opening a finding and saving it. Prints the JSON line of `sca bench-findings`, then the saves the
# client saw succeed beside the versions the database holds: a difference is a lost update.
# Usage: tests/bench/findings-nodes.sh [verifiers] [seconds] [pace-ms]
set -euo pipefail
cd "$(dirname "$0")/../.."
verifiers=${1:-100}; seconds=${2:-30}; pace=${3:-1000}
server=$(bash tests/postgres.sh)
export PGPASSWORD=${SCA_POSTGRES_PASSWORD:-sca-tests}
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS sca_bench_nodes WITH (FORCE)"
connection="$server;Database=sca_bench_nodes"
dotnet build src/SocialCardAudit.Cli -c Release -v q -nologo >/dev/null
sca="dotnet src/SocialCardAudit.Cli/bin/Release/net10.0/sca.dll"
$sca bench-seed --provider PostgreSql --connection "$connection" --verifiers "$verifiers" --rows-each 20 >/dev/null
export SCA_NODES_DIR=/tmp/sca-bench-nodes
# bench-seed encrypts with the development keys: the nodes run in Development to read them.
export SCA_NODES_ENVIRONMENT=Development
proxy=$(bash tests/nodes.sh start 3 "$connection" 8089)
trap 'bash tests/nodes.sh stop' EXIT
versions() { psql -tA -h 127.0.0.1 -U postgres -d sca_bench_nodes -c 'SELECT count(*) FROM "VerificationVersions"'; }
before=$(versions)
result=$($sca bench-findings --url "$proxy" --verifiers "$verifiers" --seconds "$seconds" --pace-ms "$pace") || true
after=$(versions)
echo "$result"
saves=$(echo "$result" | grep -o '"save":{"count":[0-9]*' | grep -o '[0-9]*$')
errors=$(echo "$result" | grep -o '"errors":[0-9]*' | grep -o '[0-9]*$')
echo "{\"savesAnswered\":$((saves - errors)),\"versionsStored\":$((after - before)),\"lostUpdates\":$((saves - errors - (after - before)))}"
