#!/usr/bin/env bash
# `npm run dev`: the whole product on embedded defaults (PGlite, in-process engine, Outbox) with
# the demo data, served by the production server in demo mode. Builds first when sources changed.
set -euo pipefail
cd "$(dirname "$0")/.."
unset NEXT_DIST_DIR
export PORT="${PORT:-3000}" REKINDLE_DEMO="${REKINDLE_DEMO:-1}" NEXT_TELEMETRY_DISABLED=1
# next-auth reads NEXTAUTH_URL itself; derived from PORT unless set.
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:$PORT}"
bash scripts/build-if-stale.sh
exec node_modules/.bin/next start --port "$PORT"
