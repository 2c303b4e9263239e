#!/usr/bin/env bash
# The whole test suite: domain, use cases and web (real SQLite files), SQL Server schema, and browser journeys in
# Debian's Chromium; then the use-case and web tests again on a real PostgreSQL server. Installs what the browser tests and
# the server need when it is missing, then prints one summary line. SCA_POSTGRES=skip leaves the second pass out.
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
