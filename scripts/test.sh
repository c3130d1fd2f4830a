#!/usr/bin/env bash
# The project's test command: starts a throwaway PostgreSQL server for the PostgreSQL integration tests
# (scripts/postgres-test-server.sh, which installs Debian's postgresql package if needed), runs the whole build with
# its tests (mvn -B -ntp verify, plus any arguments given here), and stops the server on exit.
#
# With STATEWISE_TEST_PG_URL already set (and STATEWISE_TEST_PG_USER, STATEWISE_TEST_PG_PASSWORD), that server is
# used instead and nothing is started. Either way the PostgreSQL tests are required to run (STATEWISE_REQUIRE_PG=1):
# they fail rather than skip when no server is reachable.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -z "${STATEWISE_TEST_PG_URL:-}" ]]; then
    pg=scripts/postgres-test-server.sh
    trap '"$pg" stop' EXIT
    "$pg" start >/dev/null
    eval "$("$pg" env)"
fi
export STATEWISE_REQUIRE_PG=1
echo "test.sh: PostgreSQL for the tests at $STATEWISE_TEST_PG_URL" >&2
mvn -B -ntp verify "$@"
