#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 cluster: initdb in a temporary folder, start on
# a free local port (fsync off: the data is thrown away), export TEST_DATABASE_URL (an admin URL;
# the server tests create and drop one database per test file), run the command, then always
# stop the cluster and delete the folder. Exits with the command's status.
# Usage: bash scripts/with-postgres.sh npx vitest run --project server
set -euo pipefail

if [ $# -eq 0 ]; then
	echo "usage: $0 <command…>" >&2
	exit 2
fi

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$PG_BIN/initdb" ]; then
	echo "PostgreSQL server binaries not found in $PG_BIN (Debian package postgresql-15)." >&2
	exit 1
fi

# initdb refuses to run as root: run the server tools as the postgres user when we are root.
as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

dir="$(mktemp -d "${TMPDIR:-/tmp}/shopwalk-pg.XXXXXX")"
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
data="$dir/data"

cleanup() {
	as_owner "$PG_BIN/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

as_owner "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
	{ cat "$dir/initdb.log" >&2; exit 1; }
as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 30 start \
	-o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
	>/dev/null || { cat "$dir/server.log" >&2; exit 1; }

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $port (TEST_DATABASE_URL)"

status=0
"$@" || status=$?
exit "$status"
