#!/usr/bin/env bash
# Proves the production install on a fresh clone: clone this checkout into .tmp/production, `npm ci` and
# `npm run build` (the documented build step: dist/server and dist/admin), then `npm ci --omit=dev` (the
# production package set only), start `npx khabar serve` on SQLite and fetch / and /admin. Prints the size of
# the production node_modules and the number of packages in it.
#   scripts/production_install.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
src="$PWD"
dir="$src/.tmp/production"
port="${1:-18790}"
rm -rf "$dir"
git clone -q "$src" "$dir"
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
npm run build >/dev/null
npm ci --omit=dev --no-audit --no-fund --loglevel=error >/dev/null
[ ! -d node_modules/vite ] || { echo "production install: dev packages are still installed" >&2; exit 1; }
echo "production packages: $(find node_modules -name package.json -path '*/node_modules/*/package.json' -not -path '*/node_modules/*/node_modules/*/*/package.json' | wc -l) package.json files, $(du -sh node_modules | cut -f1) in node_modules"
data="$(mktemp -d)"
KHABAR_DATA_DIR="$data" KHABAR_SECRET=production-check-0123456789abcdef HOST=127.0.0.1 PORT="$port" LOG_LEVEL=warn \
  setsid npx --no-install khabar serve >"$data/serve.log" 2>&1 &
pid=$!
trap 'kill -- "-$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do grep -q "Khabar is ready" "$data/serve.log" 2>/dev/null && break; sleep 1; done
home="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")"
admin="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/admin")"
# /admin leads to the one-time setup page until there is an owner (303); the built app must be in place.
app="$([ -f dist/admin/index.html ] && echo built || echo missing)"
echo "production install: / answered $home, /admin answered $admin (newsroom app $app)"
[ "$home" = 200 ] && { [ "$admin" = 200 ] || [ "$admin" = 303 ]; } && [ "$app" = built ] || { cat "$data/serve.log" >&2; exit 1; }
echo "production install: OK"
