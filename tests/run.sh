#!/usr/bin/env bash
# The whole test suite: domain, use cases and web (real SQLite files), SQL Server schema, and browser journeys in
# Debian's Chromium; then the use-case and web tests again on a real PostgreSQL server, and the multi-node tests on three
# app processes behind nginx on that server (skipped in the first pass). Installs what the browser tests, the server and
# nginx need when it is missing, then prints one summary line. SCA_POSTGRES=skip leaves the second pass out.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# Chinese text needs a CJK font or Chromium draws boxes; the PDF documents embed the same font.
{ command -v fc-list >/dev/null && fc-list | grep -qi "WenQuanYi Micro Hei"; } || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The process runs far from China, as most servers' clocks are UTC or elsewhere: every time the product shows,
# accepts or counts must come from the county's clock, so a slip to the server's local time fails a test.
export TZ="${TZ:-America/Los_Angeles}"

results="$(mktemp -d)"
set +e
dotnet test SocialCardAudit.sln --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?
if [ "${SCA_POSTGRES:-}" != "skip" ]; then
  # The same web tests, each host on a database of its own on the server (see AppFactory).
  server="$(bash tests/postgres.sh)" || status=1
  for project in UseCases Web; do
    SCA_TEST_POSTGRES="$server" dotnet test "tests/SocialCardAudit.$project.Tests" --no-build --logger "trx;LogFilePrefix=postgres" \
      --logger "console;verbosity=normal" --results-directory "$results" "$@" || status=1
  done
  # Three app processes behind nginx on one database of that server: signed in on one node and saving on another,
  # an import whose node is killed, the weekly freezing run by every node (tests/SocialCardAudit.Nodes.Tests).
  nodes_db="$server;Database=sca_nodes"
  PGPASSWORD=${SCA_POSTGRES_PASSWORD:-sca-tests} psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS sca_nodes WITH (FORCE)" || status=1
  if proxy="$(SCA_NODES_LEASE=8 SCA_NODES_PUBLISH="-c Debug --no-build" bash tests/nodes.sh start 3 "$nodes_db")"; then
    SCA_NODES_URL="$proxy" SCA_NODES_DATABASE="$nodes_db" dotnet test tests/SocialCardAudit.Nodes.Tests --no-build \
      --logger "trx;LogFilePrefix=nodes" --logger "console;verbosity=normal" --results-directory "$results" "$@" || status=1
  else
    status=1
  fi
  bash tests/nodes.sh stop
fi
# The house style (.editorconfig): `dotnet format SocialCardAudit.sln` fixes what this finds.
dotnet format SocialCardAudit.sln --verify-no-changes || { echo "Formatting differs from .editorconfig: run dotnet format SocialCardAudit.sln" >&2; status=1; }
set -e

count() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk '{ s += $1 } END { print s + 0 }'; }
total=$(count total); passed=$(count passed); failed=$(count failed); executed=$(count executed)
total=${total:-0}; passed=${passed:-0}; failed=${failed:-0}; executed=${executed:-0}
skipped=$((total - executed))
echo
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran: that is a failure." >&2
  exit 1
fi
exit "$status"
