#!/usr/bin/env bash
# `npm test`: every check CI holds Tablero to, in order of cost. Installs Debian's Chromium
# when it is missing (Playwright never downloads a browser here).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "==> Instalando Chromium (Debian)"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

step() { printf '\n==> %s\n' "$1"; }
mkdir -p test-results

step "TypeScript (tsc --noEmit)"
npx tsc --noEmit
step "ESLint"
npx eslint --max-warnings=0 .
step "Prettier (check)"
npx prettier --check . >/dev/null && echo "Formato correcto."
step "Unit and database tests (Vitest)${TEST_DATABASE_URL:+, PGlite and PostgreSQL}"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
step "next build"
npx next build >test-results/build.log 2>&1 || { cat test-results/build.log; exit 1; }
echo "Build OK."
step "End-to-end tests (Playwright, Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/e2e.json npx playwright test --reporter=list,json
# Several `next start` instances on one PostgreSQL database: only with a server to use.
rm -f test-results/multi-instance.json
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "Multi-instance tests (Playwright, 2–3 next start on PostgreSQL)"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/test-results/multi-instance.json" \
    npx playwright test -c e2e/multi-instance/playwright.config.ts --reporter=list,json
fi

node scripts/test-summary.mjs test-results/unit.json test-results/e2e.json \
  test-results/multi-instance.json
