#!/usr/bin/env bash
# npm test: the one test command, and what CI runs (.ci/run).
#
#   1. npm install when node_modules is missing or older than package-lock.json
#   2. system packages (scripts/system-deps.sh: Chromium, PostgreSQL 15, PostGIS, pgTAP)
#   3. npm run lint       prettier + eslint, no warnings
#   4. npm run check      svelte-check, no warnings
#   5. vitest             unit tests and the SQL suites on PGlite (not tests/deployment)
#   6. PostgreSQL 15      migrations, pgTAP, SQL suites on PG 15 (not again on PGlite),
#                         generated types current
#   7. npm run build
#   8. Node 24            the build started on Node 24 answers (scripts/smoke-node24.ts)
#   9. deployment         vitest on the build: kill -9 and restart as process 1 of a PID
#                         namespace, SIGTERM under load (tests/deployment)
#  10. playwright         browser tests against the production build
#
# Ends with one line `N passed, M failed` (tests counted by vitest, pg_prove, the Node 24 check
# and Playwright; a step that fails without failing tests, e.g. lint, counts as one failure).
set -euo pipefail
cd "$(dirname "$0")/.."

export TEST_RESULTS_DIR=test-results
mkdir -p "$TEST_RESULTS_DIR"
rm -f "$TEST_RESULTS_DIR"/{vitest-unit.json,vitest-postgres.json,pgtap.txt,node24.json,vitest-deployment.json,playwright.json}

steps=10
step_number=0
step_name=''

elapsed() { printf '%d:%02d' $((SECONDS / 60)) $((SECONDS % 60)); }

step() {
	step_number=$((step_number + 1))
	step_name=$1
	echo
	echo "==> [$step_number/$steps] $step_name (at $(elapsed))"
}

summary() {
	local status=$?
	set +e
	echo
	if [ "$status" -eq 0 ]; then
		echo "test: all $steps steps passed in $(elapsed)"
	else
		echo "test: step $step_number/$steps ($step_name) failed after $(elapsed)"
	fi
	# shellcheck disable=SC2016 # JavaScript, not shell
	STATUS=$status node -e '
		const fs = require("node:fs");
		const dir = process.env.TEST_RESULTS_DIR;
		const read = (name) => { try { return fs.readFileSync(`${dir}/${name}`, "utf8"); } catch { return null; } };
		let passed = 0, failed = 0, skipped = 0;
		for (const name of ["vitest-unit.json", "vitest-postgres.json", "vitest-deployment.json"]) {
			const text = read(name);
			if (!text) continue;
			const r = JSON.parse(text);
			passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
		}
		const pgtap = read("pgtap.txt");
		if (pgtap) {
			const total = Number(/Tests=(\d+)/.exec(pgtap)?.[1] ?? 0);
			let bad = 0;
			for (const m of pgtap.matchAll(/Failed (\d+)\/\d+ subtests/g)) bad += Number(m[1]);
			if (bad === 0 && /Result: FAIL/.test(pgtap)) bad = 1;
			passed += Math.max(total - bad, 0); failed += bad;
		}
		const node24 = read("node24.json");
		if (node24) {
			const r = JSON.parse(node24);
			passed += r.passed; failed += r.failed;
		}
		const playwright = read("playwright.json");
		if (playwright) {
			const s = JSON.parse(playwright).stats;
			passed += s.expected + s.flaky; failed += s.unexpected; skipped += s.skipped;
		}
		if (process.env.STATUS !== "0" && failed === 0) failed = 1;
		console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
	' || echo "0 passed, 1 failed"
	exit "$status"
}
trap summary EXIT

step 'dependencies'
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	# not `npm ci`: it refuses a lock whose optional platform packages (rollup's for Android,
	# macOS …) the registry mirror lacks; `npm install` installs what this platform needs
	npm install --no-audit --no-fund
else
	echo "node_modules is current"
fi

step 'system packages'
bash scripts/system-deps.sh

step 'lint'
npm run --silent lint

step 'check'
npm run --silent check

# tests/deployment needs the build of this run: its own step after the build. Two files at a
# time (vite.config.ts runs one by default): each file is its own process with its own PGlite,
# whose start and the file's import take most of a file's time, on one core each. The steps
# after keep one at a time: the SQL suites share one PostgreSQL database, the deployment tests
# start servers and load them.
step 'vitest (unit, SQL on PGlite)'
npx --no-install vitest run --exclude 'tests/deployment/**' --fileParallelism --maxWorkers=2 \
	--reporter=default --reporter=json --outputFile.json="$TEST_RESULTS_DIR/vitest-unit.json"

step 'PostgreSQL 15 (migrations, pgTAP, SQL suites, types)'
# the SQL suites have run on PGlite in the step before: here on PostgreSQL 15 alone
TEST_ENGINES=postgres15 bash scripts/test-postgres.sh

step 'build'
npm run --silent build

# the toolchain is Node 20; cities deploy on 22 or 24 (the binary is installed into
# scripts/node24/ once per machine, not into node_modules, where it would replace npm's node)
step 'Node 24 (the build starts and serves)'
npx --no-install tsx scripts/smoke-node24.ts

step 'deployment (kill -9 and restart as process 1, SIGTERM under load)'
npx --no-install vitest run tests/deployment --reporter=default --reporter=json \
	--outputFile.json="$TEST_RESULTS_DIR/vitest-deployment.json"

step 'playwright (browser tests on the build)'
if [ -n "$(find tests/e2e -name '*.spec.ts' 2>/dev/null | head -n 1)" ]; then
	npx --no-install playwright test
else
	echo "no browser tests in tests/e2e yet"
fi
