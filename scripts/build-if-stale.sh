#!/usr/bin/env bash
# Builds the production server into .next, unless a build is there and no source is newer than it.
# `npm run dev`, the e2e tests and `npm run check:build` all serve this one build.
set -euo pipefail
cd "$(dirname "$0")/.."
unset NEXT_DIST_DIR
mkdir -p .data
# One build at a time: a second caller waits, then finds the build fresh.
exec 9>.data/build.lock
flock 9

stamp=.next/BUILD_ID
sources=(app components db server inngest public types instrumentation.ts next.config.ts
  postcss.config.mjs package-lock.json)
if [ -f "$stamp" ] &&
  [ -z "$(find "${sources[@]}" -newer "$stamp" ! -name '*.test.ts' -print -quit)" ]; then
  exit 0
fi
echo "[rekindle] building the app once (next build); later starts reuse .next"
# Without next's type check: `npm run typecheck` (and CI) runs the same one.
REKINDLE_BUILD_TYPECHECK=0 NEXT_TELEMETRY_DISABLED=1 node_modules/.bin/next build
