#!/usr/bin/env bash
# The storage and command tests on a real PostgreSQL: installs the Debian server package if it is missing, starts a
# throw-away cluster (temporary folder, a free port on 127.0.0.1, trust authentication), runs the tests marked for
# both databases with TRIALDESK_TEST_PG_URL pointing at it, and stops the cluster whatever happens.
# Extra arguments go to pytest. As root the cluster runs as the unprivileged `postgres` user.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}
if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
    echo "PostgreSQL server not found: installing the Debian package" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
BIN="$(pg_bin)"

as_pg() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
fi

CLUSTER="$(mktemp -d /tmp/trialdesk-pg.XXXXXX)"
[ "$(id -u)" = 0 ] && chown postgres "$CLUSTER"
PORT="$("${PYTHON:-.venv/bin/python}" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

stop() {
    as_pg "$BIN/pg_ctl" -D "$CLUSTER/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$CLUSTER"
}
trap stop EXIT

as_pg "$BIN/initdb" -D "$CLUSTER/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$BIN/pg_ctl" -D "$CLUSTER/data" -l "$CLUSTER/server.log" -w -o \
    "-p $PORT -k $CLUSTER -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null

export TRIALDESK_TEST_PG_URL="postgresql://postgres@127.0.0.1:$PORT/postgres"
export QT_QPA_PLATFORM=offscreen
set +e
"${PYTHON:-.venv/bin/python}" -m pytest -p no:cacheprovider -m postgres "$@"
status=$?
set -e
exit "$status"
