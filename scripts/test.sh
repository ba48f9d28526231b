#!/usr/bin/env bash
# The one test command (npm test): typecheck, unit + integration (PGlite, and PostgreSQL when
# DATABASE_URL is set), production build, Playwright e2e in Chromium. Prints "N passed, N failed".
set -uo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
mkdir -p reports && rm -f reports/vitest.json reports/e2e.json
fail=0
run() { echo "== $*"; "$@" || fail=1; }

run npx next typegen
run npx tsc --noEmit -p .
run npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
run node scripts/build.mjs
# The main e2e server uses the embedded database: never let a DATABASE_URL meant for vitest leak
# into it. With DATABASE_URL set, a second server runs the real-backend tests on PostgreSQL.
run env -u DATABASE_URL -u SUPABASE_DB_URL E2E_DATABASE_URL="${DATABASE_URL:-${SUPABASE_DB_URL:-}}" npx playwright test

node scripts/test-summary.mjs reports/vitest.json reports/e2e.json || fail=1
exit $fail
