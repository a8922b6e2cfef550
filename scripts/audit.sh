#!/usr/bin/env bash
# Accessibility / Lighthouse / page-weight audit of the public pages
# (DESIGN §8). Builds cong, serves the demo content on 127.0.0.1 and runs
# scripts/audit/run.mjs: Lighthouse 12 (mobile) on home, article, category
# and search; axe-core at 1280 px and 412 px; bytes and requests of an
# article page. Prints a Markdown table; exit status 1 if a target is missed.
#
#   scripts/audit.sh [OUT_DIR]      # default: a fresh temporary directory
#
# Needs Node ≥ 20 and npm; installs Debian's chromium if it is missing and
# the pinned npm packages of scripts/audit/package-lock.json.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=${1:-$(mktemp -d -t cong-audit.XXXXXX)}
mkdir -p "$out"
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

for tool in node npm go curl; do
	command -v "$tool" >/dev/null || {
		echo "audit: $tool not found (needs Go, Node >= 20 with npm, curl)" >&2
		exit 2
	}
done

if [ ! -x "$CHROME_PATH" ]; then
	echo "audit: installing chromium" >&2
	apt-get update -qq && apt-get install -y -qq chromium
fi

# Pinned in package-lock.json; puppeteer-core never downloads a browser.
if [ ! -d scripts/audit/node_modules/lighthouse ] || [ ! -d scripts/audit/node_modules/axe-core ] ||
	[ ! -d scripts/audit/node_modules/puppeteer-core ] ||
	[ scripts/audit/package-lock.json -nt scripts/audit/node_modules/.package-lock.json ]; then
	echo "audit: npm ci" >&2
	(cd scripts/audit && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

echo "audit: building cong" >&2
go build -o "$out/cong" ./cmd/cong

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
base="http://127.0.0.1:$port"
data=$(mktemp -d -t cong-audit-data.XXXXXX)
"$out/cong" serve --demo --data "$data" --addr "127.0.0.1:$port" --base-url "$base" >"$out/server.log" 2>&1 &
pid=$!
cleanup() {
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	rm -rf "$data"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
	if curl -fsS -o /dev/null "$base/healthz" 2>/dev/null; then break; fi
	if ! kill -0 "$pid" 2>/dev/null; then
		echo "audit: server exited:" >&2
		cat "$out/server.log" >&2
		exit 1
	fi
	sleep 0.2
done
curl -fsS -o /dev/null "$base/" || {
	echo "audit: server not answering on $base" >&2
	exit 1
}

echo "audit: results in $out" >&2
status=0
node scripts/audit/run.mjs "$base" "$out" || status=$?
exit "$status"
