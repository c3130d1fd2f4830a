#!/usr/bin/env bash
# A throwaway PostgreSQL server for the integration tests: a fresh cluster (initdb) in a temporary directory, listening
# on 127.0.0.1 on a free port, with a database and user "statewise" (random password). Installs Debian's postgresql
# package with apt-get when no server binaries are found. PostgreSQL refuses to run as root: as root, the server runs
# as the system user "postgres" (created if missing).
#
# Usage: scripts/postgres-test-server.sh start   start (or reuse) the server; prints its JDBC URL
#        scripts/postgres-test-server.sh env     prints export lines for the tests: eval "$(... env)"
#        scripts/postgres-test-server.sh status  exit 0 when it runs
#        scripts/postgres-test-server.sh stop    stops it and deletes its directory
#
# Environment:
#   STATEWISE_PG_BIN    directory of initdb, pg_ctl and psql (default: found, or installed)
#   STATEWISE_PG_STATE  the server's directory (default: one per checkout under $TMPDIR or /tmp)
#
# The server is for tests only: fsync is off (the tests kill node processes, never the database machine).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
checkout_id="$(printf '%s' "$root" | cksum | cut -d' ' -f1)"
state="${STATEWISE_PG_STATE:-${TMPDIR:-/tmp}/statewise-pg-$(id -u)-$checkout_id}"
db_name=statewise
db_user=statewise
pg_os_user=postgres

say() { echo "postgres-test-server: $*" >&2; }
die() { say "error: $*"; exit 1; }

find_bindir() {
    local d
    if [[ -n "${STATEWISE_PG_BIN:-}" ]]; then
        [[ -x "$STATEWISE_PG_BIN/initdb" ]] || die "STATEWISE_PG_BIN=$STATEWISE_PG_BIN has no initdb"
        echo "$STATEWISE_PG_BIN"; return 0
    fi
    # Debian and Ubuntu: /usr/lib/postgresql/<major>/bin, newest major first.
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5 -rn); do
        [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]] && { echo "$d"; return 0; }
    done
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
        d="$(dirname "$(readlink -f "$(command -v initdb)")")"
        [[ -x "$d/pg_ctl" && -x "$d/postgres" ]] && { echo "$d"; return 0; }
    fi
    for d in /usr/local/pgsql/bin /usr/pgsql-*/bin; do
        [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && { echo "$d"; return 0; }
    done
    return 1
}

install_postgres() {
    local sudo=()
    if [[ "$(id -u)" != 0 ]]; then
        sudo -n true 2>/dev/null || die "no PostgreSQL server binaries found, and installing them needs root: \
apt-get install postgresql, or set STATEWISE_PG_BIN"
        sudo=(sudo -n)
    fi
    command -v apt-get >/dev/null || die "no PostgreSQL server binaries found and no apt-get: install PostgreSQL \
and set STATEWISE_PG_BIN to the directory of initdb"
    say "installing Debian's postgresql package (apt-get)..."
    # Keep the package from starting its own default cluster: invoke-rc.d obeys policy-rc.d (exit 101: not now).
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [[ ! -e "$policy" ]]; then
        printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null && "${sudo[@]}" chmod +x "$policy" \
            && created_policy=1
    fi
    local rc=0
    { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql \
        ; } >&2 || rc=$?
    if [[ "$created_policy" == 1 ]]; then "${sudo[@]}" rm -f "$policy"; fi
    [[ "$rc" == 0 ]] || die "apt-get install postgresql failed (exit $rc)"
}

# Runs a command as the server's OS user: postgres when we are root, else ourselves.
as_pg() {
    if [[ "$(id -u)" == 0 ]]; then
        if command -v runuser >/dev/null; then
            runuser -u "$pg_os_user" -- "$@"
        else
            su -s /bin/sh "$pg_os_user" -c "$(printf '%q ' "$@")"
        fi
    else
        "$@"
    fi
}

ensure_os_user() {
    [[ "$(id -u)" == 0 ]] || return 0
    id "$pg_os_user" >/dev/null 2>&1 && return 0
    say "creating system user $pg_os_user (PostgreSQL refuses to run as root)"
    useradd --system --no-create-home --shell /usr/sbin/nologin "$pg_os_user" 2>/dev/null \
        || useradd -r -M -s /bin/false "$pg_os_user"
}

free_port() {
    local i p
    for i in $(seq 1 100); do
        p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
    done
    die "no free port found"
}

running() {
    [[ -f "$state/port" && -f "$state/bindir" ]] || return 1
    as_pg "$(cat "$state/bindir")/pg_ctl" -D "$state/data" status >/dev/null 2>&1
}

print_env() {
    local port password
    port="$(cat "$state/port")"
    password="$(cat "$state/pwfile")"
    echo "export STATEWISE_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$port/$db_name"
    echo "export STATEWISE_TEST_PG_USER=$db_user"
    echo "export STATEWISE_TEST_PG_PASSWORD=$password"
}

start() {
    if running; then
        say "already running on 127.0.0.1:$(cat "$state/port") ($state)"
        echo "jdbc:postgresql://127.0.0.1:$(cat "$state/port")/$db_name"
        return 0
    fi
    local bindir
    bindir="$(find_bindir)" || { install_postgres; bindir="$(find_bindir)" || die "no initdb after installing"; }
    ensure_os_user
    rm -rf "$state"
    mkdir -p "$state"
    chmod 700 "$state"
    echo "$bindir" >"$state/bindir"
    od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$state/pwfile"
    mkdir -p "$state/sock"
    if [[ "$(id -u)" == 0 ]]; then chown -R "$pg_os_user" "$state"; fi
    if ! as_pg "$bindir/initdb" -D "$state/data" -U postgres --pwfile="$state/pwfile" --auth-local=trust \
            --auth-host=scram-sha-256 -E UTF8 --locale=C >"$state/initdb.log" 2>&1; then
        cat "$state/initdb.log" >&2
        die "initdb failed ($bindir/initdb)"
    fi
    local port attempt started=0
    for attempt in 1 2 3 4 5; do
        port="$(free_port)"
        if as_pg "$bindir/pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 60 \
                -o "-c listen_addresses=127.0.0.1 -p $port -k $state/sock -c fsync=off -c full_page_writes=off" \
                start >/dev/null 2>&1; then
            started=1; break
        fi
        say "start on port $port failed (attempt $attempt)"
    done
    if [[ "$started" != 1 ]]; then
        cat "$state/server.log" >&2 || true
        die "the server did not start"
    fi
    echo "$port" >"$state/port"
    if [[ "$(id -u)" == 0 ]]; then chown "$pg_os_user" "$state/port"; fi
    as_pg "$bindir/psql" -h "$state/sock" -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE $db_user LOGIN PASSWORD '$(cat "$state/pwfile")'" \
        -c "CREATE DATABASE $db_name OWNER $db_user" >/dev/null \
        || die "cannot create the database (log: $state/server.log)"
    say "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') up on 127.0.0.1:$port ($state)"
    echo "jdbc:postgresql://127.0.0.1:$port/$db_name"
}

stop() {
    if running; then
        as_pg "$(cat "$state/bindir")/pg_ctl" -D "$state/data" -m fast -w stop >/dev/null 2>&1 || true
        say "stopped"
    fi
    rm -rf "$state"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    env) running || die "not running: start it first (scripts/postgres-test-server.sh start)"; print_env ;;
    status) running ;;
    *) echo "usage: $0 start|stop|env|status" >&2; exit 2 ;;
esac
