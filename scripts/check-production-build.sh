#!/usr/bin/env bash
# Starts the production build as a deployment would (no REKINDLE_DEMO) and proves demo sign-in does
# not exist there. Reuses the build of `npm run dev` and the e2e tests when it is up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
port=3200
data=$(mktemp -d)
unset NEXT_DIST_DIR REKINDLE_DEMO
export NEXT_TELEMETRY_DISABLED=1 DATABASE_URL= PGLITE_DATA_DIR="$data" REKINDLE_DEMO_SEED=false
export NEXTAUTH_URL="http://localhost:$port" NEXTAUTH_SECRET="check-production-build-$(date +%s%N)-secret"

bash scripts/build-if-stale.sh
# Its own process group, so the whole server (next forks) stops with the script.
setsid node_modules/.bin/next start --port "$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill -- -"$server" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -fs "http://localhost:$port/signin" >/dev/null && break; sleep 1; done

fail() { echo "production build check failed: $1" >&2; cat "$data/server.log" >&2; exit 1; }
providers=$(curl -fs "http://localhost:$port/api/auth/providers") || fail "no answer from /api/auth/providers"
[ "$providers" != "${providers/\"demo\"/}" ] && fail "the demo provider is registered: $providers"
curl -fs "http://localhost:$port/signin" | grep -q "Demo sign-in" && fail "the sign-in page offers demo sign-in"
# The demo button's request, with a valid CSRF token: it must sign no one in.
jar="$data/cookies"
csrf=$(curl -fs -c "$jar" "http://localhost:$port/api/auth/csrf" | sed -E 's/.*"csrfToken":"([^"]+)".*/\1/')
target=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
  -X POST "http://localhost:$port/api/auth/callback/demo" \
  --data-urlencode "csrfToken=$csrf" -d 'email=owner@lotus-english.example')
grep -q "session-token" "$jar" && fail "POST /api/auth/callback/demo signed in ($target)"
echo "production build: OK (providers: $providers; demo callback answered $target, no session)"
