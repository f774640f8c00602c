#!/usr/bin/env bash
# Builds the app for production, starts it, and proves demo sign-in does not exist there.
set -euo pipefail
cd "$(dirname "$0")/.."
port=3200
data=$(mktemp -d)
export NEXT_DIST_DIR=.next-prod NEXT_TELEMETRY_DISABLED=1 DATABASE_URL= PGLITE_DATA_DIR="$data" REKINDLE_DEMO_SEED=false
export NEXTAUTH_URL="http://localhost:$port" NEXTAUTH_SECRET="check-production-build-$(date +%s%N)-secret"

node_modules/.bin/next build
# Its own process group, so the whole server (next forks) stops with the script.
setsid node_modules/.bin/next start --port "$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill -- -"$server" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -fs "http://localhost:$port/signin" >/dev/null && break; sleep 1; done

fail() { echo "production build check failed: $1" >&2; cat "$data/server.log" >&2; exit 1; }
providers=$(curl -fs "http://localhost:$port/api/auth/providers") || fail "no answer from /api/auth/providers"
[ "$providers" != "${providers/\"demo\"/}" ] && fail "the demo provider is registered: $providers"
curl -fs "http://localhost:$port/signin" | grep -q "Demo sign-in" && fail "the sign-in page offers demo sign-in"
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://localhost:$port/api/auth/callback/demo" -d 'email=owner@lotus-english.example')
[ "$status" = "302" ] && fail "POST /api/auth/callback/demo redirected (status $status)"
echo "production build: OK (providers: $providers; demo callback answered $status)"
