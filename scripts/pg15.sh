#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the SQL tests.
#
#   scripts/pg15.sh start [ENV_FILE]   create and start a cluster in a new temporary directory;
#                                      prints (or writes to ENV_FILE) lines to source:
#                                        export TEST_PG_DIR=/tmp/pg15.XXXX
#                                        export TEST_PG_PORT=54xxx
#                                        export TEST_PG_URL=postgres://postgres@127.0.0.1:54xxx/postgres
#   scripts/pg15.sh stop DIR           stop that cluster and remove its directory
#   scripts/pg15.sh schema DB_URL      apply supabase/embedded/supabase_shim.sql and every
#                                      supabase/migrations/*.sql in name order to an existing
#                                      database, each file in one transaction, stopping at an error;
#                                      each migration is recorded in
#                                      supabase_migrations.schema_migrations in its transaction,
#                                      as the embedded database and `supabase db push` record it
#   scripts/pg15.sh apply DB_URL FILE  apply one SQL file the same way (e.g. supabase/seed.sql)
#   scripts/pg15.sh types DB_URL       print src/lib/database.types.ts as generated for that
#                                      database by the supabase CLI and formatted by prettier
#
# The cluster trusts every local connection, listens on 127.0.0.1 only (a free port) and keeps
# its socket in its own directory, so it never touches a system cluster. It trades durability
# for speed (fsync off): it is for tests only. The caller stops it in a trap:
#
#   env_file=$(mktemp); bash scripts/pg15.sh start "$env_file"; . "$env_file"
#   trap 'bash scripts/pg15.sh stop "$TEST_PG_DIR"' EXIT
set -Eeuo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHIM=supabase/embedded/supabase_shim.sql

die() {
	echo "pg15: $*" >&2
	exit 1
}

# Runs a command as the cluster's owner: initdb and postgres refuse to run as root.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		if command -v runuser >/dev/null 2>&1; then
			runuser -u postgres -- "$@"
		else
			su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
		fi
	else
		"$@"
	fi
}

free_port() {
	node -e "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

start() {
	local env_file=${1:-}
	for bin in initdb pg_ctl postgres; do
		[ -x "$PG_BIN/$bin" ] || die "$PG_BIN/$bin is missing: run bash scripts/system-deps.sh"
	done
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 || die "running as root needs the system user 'postgres' (package postgresql-15 creates it)"
	fi

	local dir
	dir=$(mktemp -d "${TMPDIR:-/tmp}/pg15.XXXXXX")
	# If anything below fails, leave nothing behind.
	trap 'as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"' ERR
	chmod 755 "$dir"
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres: "$dir"
	fi

	as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
		--locale=C.UTF-8 --no-sync --no-instructions >"$dir/initdb.log" 2>&1 ||
		{
			cat "$dir/initdb.log" >&2
			false
		}

	# A free port can be taken by someone else between the probe and the start: try a few.
	local port started=0
	for _ in 1 2 3 4 5; do
		port=$(free_port)
		if as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
			-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
			start >/dev/null 2>&1; then
			started=1
			break
		fi
	done
	if [ "$started" -ne 1 ]; then
		cat "$dir/server.log" >&2 || true
		false
	fi
	trap - ERR

	local lines
	lines="export TEST_PG_DIR=$dir
export TEST_PG_PORT=$port
export TEST_PG_URL=postgres://postgres@127.0.0.1:$port/postgres"
	if [ -n "$env_file" ]; then
		printf '%s\n' "$lines" >"$env_file"
	else
		printf '%s\n' "$lines"
	fi
}

stop() {
	local dir=${1:-}
	[ -n "$dir" ] || die "usage: scripts/pg15.sh stop DIR"
	# Refuse anything that does not look like a directory this script made.
	case "$(basename "$dir")" in
	pg15.*) ;;
	*) die "refusing to remove $dir: not a directory made by scripts/pg15.sh start" ;;
	esac
	[ -d "$dir" ] || return 0
	if [ -f "$dir/data/postmaster.pid" ]; then
		as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
			as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
}

apply() {
	local url=$1 file=$2
	[ -f "$file" ] || die "$file is missing"
	# Notices (e.g. 'already exists, skipping') are noise here; errors stop at the first one.
	PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 --single-transaction \
		-d "$url" -f "$file" >/dev/null ||
		die "$file did not apply to PostgreSQL 15 (the error is above)"
}

# Applies one migration like apply, and in the same transaction records it (version, name and
# the file's text as its one statement) as migrate() in src/lib/server/embedded/database.ts does.
apply_migration() {
	local url=$1 file=$2 base version name record
	base=$(basename "$file" .sql)
	[[ $base =~ ^([0-9]+)_?(.*)$ ]] || die "$file must be named <timestamp>_<name>.sql"
	version=${BASH_REMATCH[1]}
	name=${BASH_REMATCH[2]//"'"/"''"}
	# The text travels dollar-quoted, byte for byte; the tag must not occur in it.
	! grep -qF '$pg15_statement$' "$file" || die "$file contains \$pg15_statement\$"
	record=$(mktemp)
	{
		printf 'insert into supabase_migrations.schema_migrations (version, name, statements)\n'
		printf "values ('%s', '%s', array[\$pg15_statement\$" "$version" "$name"
		cat "$file"
		printf '$pg15_statement$]);\n'
	} >"$record"
	PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 --single-transaction \
		-d "$url" -f "$file" -f "$record" >/dev/null || {
		rm -f "$record"
		die "$file did not apply to PostgreSQL 15 (the error is above)"
	}
	rm -f "$record"
}

schema() {
	local url=${1:-}
	[ -n "$url" ] || die "usage: scripts/pg15.sh schema DB_URL"
	cd "$ROOT"
	apply "$url" "$SHIM"
	local file
	for file in supabase/migrations/*.sql; do
		[ -e "$file" ] || continue
		apply_migration "$url" "$file"
	done
}

types() {
	local url=${1:-}
	[ -n "$url" ] || die "usage: scripts/pg15.sh types DB_URL"
	cd "$ROOT"
	local raw
	raw=$(mktemp)
	# The CLI prints a TLS warning on stdout unless TLS is off explicitly; it needs no Docker for
	# a database URL. No telemetry or update check: there is no network.
	SUPABASE_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 SUPABASE_NO_UPDATE_NOTIFIER=1 \
		npx --no-install supabase gen types typescript --remote="$url?sslmode=disable" \
		--schema public >"$raw" 2>"$raw.err" || {
		cat "$raw.err" >&2
		rm -f "$raw" "$raw.err"
		die "supabase gen types failed"
	}
	npx --no-install prettier --stdin-filepath src/lib/database.types.ts <"$raw"
	rm -f "$raw" "$raw.err"
}

case "${1:-}" in
start) start "${2:-}" ;;
stop) stop "${2:-}" ;;
schema) schema "${2:-}" ;;
apply) apply "${2:?usage: scripts/pg15.sh apply DB_URL FILE}" "${3:?usage: scripts/pg15.sh apply DB_URL FILE}" ;;
types) types "${2:-}" ;;
*)
	echo "usage: scripts/pg15.sh start [ENV_FILE] | stop DIR | schema DB_URL | apply DB_URL FILE | types DB_URL" >&2
	exit 2
	;;
esac
