#!/usr/bin/env bash
# The PostgreSQL 15 half of the SQL tests (npm run test:pg):
#
#   1. a throwaway PostgreSQL 15 cluster (scripts/pg15.sh), stopped however this script ends;
#   2. the Supabase shim, every migration in name order and the seed, each in one transaction:
#      the migrations apply unchanged to PostgreSQL 15 with PostGIS;
#   3. the pgTAP files supabase/tests/*.sql with pg_prove, on the seeded database;
#   4. the vitest SQL suites (tests/sql) and the embedded Auth's suite on PGlite and on an
#      empty migrated database (no seed); TEST_ENGINES=postgres15 leaves PGlite out (npm test
#      does: its vitest step has run them there);
#   5. src/lib/database.types.ts matches what the supabase CLI generates from the migrations.
#
# Results for scripts/test.sh's summary go to $TEST_RESULTS_DIR (default test-results/).
set -euo pipefail
cd "$(dirname "$0")/.."

results=${TEST_RESULTS_DIR:-test-results}
mkdir -p "$results"
rm -f "$results/pgtap.txt" "$results/vitest-postgres.json"

env_file=$(mktemp)
TEST_PG_DIR=''
cleanup() {
	if [ -n "$TEST_PG_DIR" ]; then bash scripts/pg15.sh stop "$TEST_PG_DIR"; fi
	rm -f "$env_file"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

started=$SECONDS
bash scripts/pg15.sh start "$env_file"
# shellcheck disable=SC1090
. "$env_file"
base=postgres://postgres@127.0.0.1:$TEST_PG_PORT
echo "test-postgres: PostgreSQL 15 on port $TEST_PG_PORT ($((SECONDS - started))s)"

sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$TEST_PG_URL" -c "$1" >/dev/null; }

# Two databases, each migrated from scratch (a copy from a template would lose the shim's
# `alter database … set search_path`): one with the seed, one empty for the vitest suites.
sql 'create database portal_seeded'
sql 'create database portal_empty'
bash scripts/pg15.sh schema "$base/portal_seeded"
bash scripts/pg15.sh schema "$base/portal_empty"
applied="shim and $(find supabase/migrations -maxdepth 1 -name '*.sql' | wc -l) migrations"
if [ -f supabase/seed.sql ]; then
	bash scripts/pg15.sh apply "$base/portal_seeded" supabase/seed.sql
	applied="$applied and the seed"
fi
echo "test-postgres: $applied applied ($((SECONDS - started))s)"

# pgTAP. Its functions live in `extensions`, on the database's search path as in Supabase.
shopt -s nullglob
pgtap_files=(supabase/tests/*.sql)
shopt -u nullglob
if [ "${#pgtap_files[@]}" -gt 0 ]; then
	psql -X -q -v ON_ERROR_STOP=1 -d "$base/portal_seeded" \
		-c 'create extension if not exists pgtap with schema extensions' >/dev/null
	PGOPTIONS='-c client_min_messages=warning' \
		pg_prove --ext .sql -h 127.0.0.1 -p "$TEST_PG_PORT" -U postgres -d portal_seeded \
		"${pgtap_files[@]}" 2>&1 | tee "$results/pgtap.txt"
else
	echo "test-postgres: no pgTAP files in supabase/tests"
fi

# The vitest SQL suites on both engines; they make their own data.
TEST_PG_URL=$base/portal_empty npx --no-install vitest run tests/sql src/lib/server/embedded/auth.spec.ts \
	--reporter=default --reporter=json --outputFile.json="$results/vitest-postgres.json"

# The checked-in types match the migrations.
generated=$(mktemp)
bash scripts/pg15.sh types "$base/portal_empty" >"$generated"
if ! diff -u src/lib/database.types.ts "$generated" >"$generated.diff" 2>&1; then
	head -n 40 "$generated.diff"
	rm -f "$generated" "$generated.diff"
	echo "src/lib/database.types.ts is stale: run npm run db:types" >&2
	exit 1
fi
rm -f "$generated" "$generated.diff"
echo "test-postgres: src/lib/database.types.ts is current ($((SECONDS - started))s)"
