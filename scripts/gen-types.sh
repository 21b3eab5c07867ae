#!/usr/bin/env bash
# npm run db:types: writes src/lib/database.types.ts from the migrations.
#
# Applies the Supabase shim and supabase/migrations/*.sql to a throwaway PostgreSQL 15 cluster,
# generates the types with the supabase CLI (no Docker needed for a database URL), formats them
# with prettier and stops the cluster. scripts/test-postgres.sh fails when the file is stale.
set -euo pipefail
cd "$(dirname "$0")/.."

env_file=$(mktemp)
out=$(mktemp)
TEST_PG_DIR=''
cleanup() {
	if [ -n "$TEST_PG_DIR" ]; then bash scripts/pg15.sh stop "$TEST_PG_DIR"; fi
	rm -f "$env_file" "$out"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bash scripts/pg15.sh start "$env_file"
# shellcheck disable=SC1090
. "$env_file"
psql -X -q -v ON_ERROR_STOP=1 -d "$TEST_PG_URL" -c 'create database portal' >/dev/null
bash scripts/pg15.sh schema "postgres://postgres@127.0.0.1:$TEST_PG_PORT/portal"
bash scripts/pg15.sh types "postgres://postgres@127.0.0.1:$TEST_PG_PORT/portal" >"$out"
cp "$out" src/lib/database.types.ts
echo "gen-types: wrote src/lib/database.types.ts (${SECONDS}s)"
