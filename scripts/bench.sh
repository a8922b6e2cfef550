#!/usr/bin/env bash
# Throughput benchmarks of DESIGN §8, as reported in BENCHMARKS.md.
#
# For 1,000 and 100,000 synthetic articles: cong's article and home pages
# against nginx serving the same article HTML as a static file and a bare Go
# handler writing it from memory (bench/bare), all with wrk and a mobile
# Chrome User-Agent, so cong counts every request; search latency
# percentiles (bench/searchbench); and counter flush transactions per second
# under load, read from /metrics.
#
# Everything listens on 127.0.0.1 and every run is bounded. Environment:
#   BENCH_BIG=0         skip the 100,000-article round (default 1: run it)
#   BENCH_DURATION=10s  wrk duration per target
#   BENCH_CONNS=50      wrk connections
#   BENCH_THREADS=2     wrk threads
#   BENCH_REPEAT=3      runs per target, taken in turn; the median is reported
#   BENCH_SEARCH_MAX=180s  cap on each search measurement (5 rounds of the
#                       queries with 1 client, 3 rounds each with 4 clients)
#   BENCH_KEEP=1        keep the temporary folder (data, pages, logs)
#   BENCH_PORT=18080    first of the four ports used (cong, bare, nginx, bare
#                       with cong's headers)
#   BENCH_REUSE=DIR     take DIR/cong-N.db as the N-article database instead
#                       of generating it (same generator, seed 1; generating
#                       100,000 articles takes ~10 minutes); it is copied and
#                       migrated by the server at start-up
#   BENCH_QUIET_LOAD=1  before each round, wait (up to BENCH_QUIET_WAIT=900 s)
#                       until the 1-minute load average is below this; on a
#                       shared machine other jobs otherwise skew the ratios
set -euo pipefail

cd "$(dirname "$0")/.."

DUR=${BENCH_DURATION:-10s}
CONNS=${BENCH_CONNS:-50}
THREADS=${BENCH_THREADS:-2}
REPEAT=${BENCH_REPEAT:-3}
SEARCH_MAX=${BENCH_SEARCH_MAX:-180s}
BIG=${BENCH_BIG:-1}
PORT0=${BENCH_PORT:-18080}
CONG_PORT=$PORT0
BARE_PORT=$((PORT0 + 1))
NGINX_PORT=$((PORT0 + 2))
BAREH_PORT=$((PORT0 + 3))
UA='Mozilla/5.0 (Linux; Android 14; SM-A556E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.135 Mobile Safari/537.36'
SIZES=(1000)
if [[ $BIG == 1 ]]; then
	SIZES+=(100000)
fi

log() { printf '» %s\n' "$*" >&2; }

wait_quiet() {
	[[ -n ${BENCH_QUIET_LOAD:-} ]] || return 0
	local waited=0
	while awk -v max="$BENCH_QUIET_LOAD" '{ exit !($1 >= max) }' /proc/loadavg; do
		if ((waited >= ${BENCH_QUIET_WAIT:-900})); then
			log "load still $(cut -d' ' -f1 /proc/loadavg) after ${waited}s: running anyway"
			return 0
		fi
		((waited == 0)) && log "waiting for load average < $BENCH_QUIET_LOAD (now $(cut -d' ' -f1 /proc/loadavg))"
		sleep 10
		waited=$((waited + 10))
	done
}

# --- tools -----------------------------------------------------------------
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
	SUDO=()
	if [[ $(id -u) != 0 ]]; then SUDO=(sudo); fi
	log "installing wrk and nginx with apt-get"
	"${SUDO[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq wrk nginx-light >/dev/null 2>&1 ||
		DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq wrk nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

TMP=$(mktemp -d /tmp/cong-bench.XXXXXX)
chmod 755 "$TMP" # nginx workers may run as nobody
PIDS=()
cleanup() {
	local p
	for p in "${PIDS[@]}"; do
		kill "$p" 2>/dev/null || true
	done
	for p in "${PIDS[@]}"; do
		wait "$p" 2>/dev/null || true
	done
	if [[ ${BENCH_KEEP:-0} == 1 ]]; then
		log "kept $TMP"
	else
		rm -rf "$TMP"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# stop PID: SIGTERM and wait (cong flushes its counters on the way out).
stop() {
	local p=$1 q keep=()
	kill "$p" 2>/dev/null || true
	wait "$p" 2>/dev/null || true
	for q in "${PIDS[@]}"; do
		[[ $q == "$p" ]] || keep+=("$q")
	done
	PIDS=("${keep[@]}")
}

wait_http() {
	local url=$1 i
	for i in $(seq 1 150); do
		if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
		sleep 0.2
	done
	log "no answer from $url"
	return 1
}

log "building into $TMP"
go build -o "$TMP/cong" ./cmd/cong
go build -o "$TMP/bare" ./bench/bare
go build -o "$TMP/searchbench" ./bench/searchbench

# --- wrk -------------------------------------------------------------------
# to_ms VALUE: wrk latency ("612.00us", "1.23ms", "1.02s") in milliseconds.
to_ms() {
	awk -v v="$1" 'BEGIN {
		if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
		else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
		else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.2f", v * 60000 }
		else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
		else printf "%s", v }'
}

# bench NAME URL [wrk args…]: runs wrk, keeps its output in $TMP/wrk-NAME.txt
# and sets RPS, P50, P99 and BAD (non-2xx responses plus socket errors).
bench() {
	local name=$1 url=$2
	shift 2
	local out="$TMP/wrk-$name.txt"
	wrk -t"$THREADS" -c"$CONNS" -d"$DUR" --latency -H "User-Agent: $UA" -H "Accept: text/html,application/xhtml+xml,*/*;q=0.8" -H "Accept-Language: vi-VN,vi;q=0.9" "$@" "$url" >"$out"
	RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
	P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
	P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
	BAD=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out")
	log "$name: $RPS req/s, p50 $P50 ms, p99 $P99 ms, errors $BAD"
}

metric() { # metric NAME: the value of an unlabelled metric of cong
	curl -fsS "http://127.0.0.1:$CONG_PORT/metrics" | awk -v m="$1" '$1 == m { print $2 }'
}

# paired A B N: "median min max" of the per-round ratios A/B, the two
# targets having run one after the other in each round.
paired() {
	paste -d' ' "$TMP/runs-$1-$3.txt" "$TMP/runs-$2-$3.txt" |
		awk '{ print ($5 > 0 ? $1 / $5 : 0) }' | sort -n |
		awk '{ r[NR] = $1 } END { printf "%.2f %.2f %.2f", r[int((NR + 1) / 2)], r[1], r[NR] }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }'; }

# record KEY: appends the last bench result to the runs of KEY at this N.
record() { echo "$RPS $P50 $P99 $BAD" >>"$TMP/runs-$1-$N.txt"; }

# median KEY N: "rps p50 p99 errors min max" of the median run by req/s.
median() {
	sort -n "$TMP/runs-$1-$2.txt" | awk '{ l[NR] = $0; r[NR] = $1 } END { print l[int((NR + 1) / 2)], r[1], r[NR] }'
}

REPORT="$TMP/report.md"
{
	echo "## Machine"
	echo
	echo "- $(nproc) CPUs: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GB RAM", $2 / 1048576 }' /proc/meminfo)"
	echo "- $(uname -sr); $(go version | cut -d' ' -f3-); nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///'); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
	echo "- load average when the run started: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo
} >"$REPORT"
LOADS=()
declare -A R

for N in "${SIZES[@]}"; do
	DATA="$TMP/data-$N"
	t0=$(date +%s.%N)
	if [[ -n ${BENCH_REUSE:-} && -f $BENCH_REUSE/cong-$N.db ]]; then
		log "reusing $BENCH_REUSE/cong-$N.db"
		mkdir -p "$DATA" && cp "$BENCH_REUSE/cong-$N.db" "$DATA/cong.db"
		"$TMP/cong" migrate --data "$DATA" >&2
		GEN_S=reused
	else
		log "generating $N articles"
		"$TMP/cong" gen --articles "$N" --data "$DATA" --seed 1 | tail -1 >&2
		GEN_S=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
	fi
	DB_MB=$(du -m "$DATA/cong.db" | cut -f1)

	BASE="http://127.0.0.1:$CONG_PORT"
	"$TMP/cong" serve --data "$DATA" --addr "127.0.0.1:$CONG_PORT" --base-url "$BASE" \
		--trusted-proxies 127.0.0.1 >"$TMP/cong-$N.log" 2>&1 &
	CONG_PID=$!
	PIDS+=("$CONG_PID")
	wait_http "$BASE/healthz"

	SLUG=$(curl -fsS "$BASE/api/v1/articles?per_page=1" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4)
	ARTICLE="$BASE/bai-viet/$SLUG"
	mkdir -p "$TMP/www-$N"
	curl -fsS -A "$UA" -D "$TMP/www-$N/headers.txt" -o "$TMP/www-$N/page.html" "$ARTICLE"
	chmod -R a+rX "$TMP/www-$N"
	PAGE_BYTES=$(wc -c <"$TMP/www-$N/page.html")
	HOME_BYTES=$(curl -fsS -A "$UA" "$BASE/" | wc -c)
	GZ_BYTES=$(curl -fsS -A "$UA" -H 'Accept-Encoding: gzip' "$ARTICLE" | wc -c)

	"$TMP/bare" --addr "127.0.0.1:$BARE_PORT" "$TMP/www-$N/page.html" 2>"$TMP/bare-$N.log" &
	BARE_PID=$!
	PIDS+=("$BARE_PID")
	# The same, sending cong's response headers too: the same bytes on the wire.
	"$TMP/bare" --addr "127.0.0.1:$BAREH_PORT" --headers "$TMP/www-$N/headers.txt" "$TMP/www-$N/page.html" 2>"$TMP/bareh-$N.log" &
	BAREH_PID=$!
	PIDS+=("$BAREH_PID")

	mkdir -p "$TMP/nginx-$N"
	cat >"$TMP/nginx-$N/nginx.conf" <<-EOF
		worker_processes auto;
		daemon off;
		pid $TMP/nginx-$N/nginx.pid;
		error_log $TMP/nginx-$N/error.log warn;
		events { worker_connections 1024; }
		http {
		    access_log off;
		    sendfile on;
		    tcp_nopush on;
		    keepalive_requests 1000000;
		    client_body_temp_path $TMP/nginx-$N/body;
		    proxy_temp_path $TMP/nginx-$N/proxy;
		    fastcgi_temp_path $TMP/nginx-$N/fastcgi;
		    uwsgi_temp_path $TMP/nginx-$N/uwsgi;
		    scgi_temp_path $TMP/nginx-$N/scgi;
		    default_type "text/html; charset=utf-8";
		    server {
		        listen 127.0.0.1:$NGINX_PORT;
		        root $TMP/www-$N;
		        location / { try_files /page.html =404; }
		    }
		}
	EOF
	"$NGINX" -p "$TMP/nginx-$N" -c "$TMP/nginx-$N/nginx.conf" 2>"$TMP/nginx-$N/stderr.log" &
	NGINX_PID=$!
	PIDS+=("$NGINX_PID")
	wait_http "http://127.0.0.1:$BARE_PORT/"
	wait_http "http://127.0.0.1:$BAREH_PORT/"
	wait_http "http://127.0.0.1:$NGINX_PORT/"
	if ! cmp -s <(curl -fsS "http://127.0.0.1:$BARE_PORT/") <(curl -fsS "http://127.0.0.1:$NGINX_PORT/"); then
		log "nginx and bare serve different bytes"
		exit 1
	fi

	wait_quiet
	LOADS+=("$N: $(cut -d' ' -f1-3 /proc/loadavg)")
	log "round N=$N: article $ARTICLE ($PAGE_BYTES bytes), home $HOME_BYTES bytes"
	# Warm every target (the first cong request renders and caches the page).
	for u in "http://127.0.0.1:$NGINX_PORT/" "http://127.0.0.1:$BARE_PORT/" "http://127.0.0.1:$BAREH_PORT/" "$ARTICLE" "$BASE/"; do
		curl -fsS -A "$UA" -o /dev/null "$u"
	done

	# Targets run in turn, REPEAT times; the median run (by req/s) is
	# reported, so a burst from another process on the machine moves one run,
	# not the ratios.
	FLUSHES=0
	FLUSH_SECS=0
	for rep in $(seq 1 "$REPEAT"); do
		bench "nginx-$N-$rep" "http://127.0.0.1:$NGINX_PORT/"
		record nginx
		bench "bare-$N-$rep" "http://127.0.0.1:$BARE_PORT/"
		record bare
		bench "bareh-$N-$rep" "http://127.0.0.1:$BAREH_PORT/"
		record bareh
		F0=$(metric cong_counter_flushes_total)
		T0=$(date +%s.%N)
		bench "article-$N-$rep" "$ARTICLE"
		record article
		bench "home-$N-$rep" "$BASE/"
		record home
		# What browsers ask for: the page gzip-encoded (fewer bytes, not comparable with bare).
		bench "article-gzip-$N-$rep" "$ARTICLE" -H 'Accept-Encoding: gzip, deflate, br, zstd'
		record gzip
		T1=$(date +%s.%N)
		F1=$(metric cong_counter_flushes_total)
		FLUSHES=$((FLUSHES + F1 - F0))
		FLUSH_SECS=$(awk -v s="$FLUSH_SECS" -v a="$T0" -v b="$T1" 'BEGIN { printf "%.1f", s + b - a }')
	done
	V0=$(metric cong_views_counted_total)
	R[flush-$N]="$FLUSH_SECS $FLUSHES"

	# Worst case for the counter: every request a new visitor and a new view.
	F0=$(metric cong_counter_flushes_total)
	T0=$(date +%s.%N)
	bench "article-xff-$N" "$ARTICLE" -s bench/xff.lua
	record xff
	sleep 1.2 # let the last second's flush land
	T1=$(date +%s.%N)
	F1=$(metric cong_counter_flushes_total)
	V1=$(metric cong_views_counted_total)
	FE=$(metric cong_counter_flush_errors_total)
	R[flushxff-$N]="$(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.1f", b - a }') $((F1 - F0)) $((V1 - V0)) $FE"

	log "search latency at N=$N"
	"$TMP/searchbench" -url "$BASE" -c 1 -rounds 5 -d "$SEARCH_MAX" -ua "$UA" -per-query >"$TMP/search-$N-c1.md"
	"$TMP/searchbench" -url "$BASE" -c 4 -rounds 3 -d "$SEARCH_MAX" -ua "$UA" >"$TMP/search-$N-c4.md"

	stop "$NGINX_PID"
	stop "$BARE_PID"
	stop "$BAREH_PID"
	stop "$CONG_PID"
	R[meta-$N]="$GEN_S $DB_MB $PAGE_BYTES $HOME_BYTES $GZ_BYTES"
done

# --- report ----------------------------------------------------------------
{
	echo "## Throughput (wrk -t$THREADS -c$CONNS -d$DUR --latency, mobile Chrome User-Agent)"
	echo
	for N in "${SIZES[@]}"; do
		read -r GEN_S DB_MB PAGE_BYTES HOME_BYTES GZ_BYTES <<<"${R[meta-$N]}"
		if [[ $GEN_S == reused ]]; then how="pre-generated database, same generator and seed"; else how="generated in ${GEN_S}s"; fi
		echo "### $N articles ($how, database $DB_MB MB; article page $PAGE_BYTES bytes, home $HOME_BYTES bytes)"
		echo
		echo "| target | req/s (median of $REPEAT) | range | p50 | p99 | errors |"
		echo "|---|---:|---:|---:|---:|---:|"
		for k in nginx bare bareh article home gzip xff; do
			read -r rps p50 p99 bad lo hi <<<"$(median "$k" "$N")"
			case $k in
			nginx) label="nginx, static file (same bytes)" ;;
			bare) label="bare Go net/http, bytes from memory" ;;
			bareh) label="bare Go, same bytes with cong's response headers" ;;
			article) label="cong article page" ;;
			home) label="cong home page ($HOME_BYTES bytes)" ;;
			gzip) label="cong article page, Accept-Encoding: gzip ($GZ_BYTES bytes)" ;;
			xff) label="cong article page, new visitor every request (1 run)" ;;
			esac
			echo "| $label | $rps | $lo–$hi | $p50 ms | $p99 ms | $bad |"
		done
		read -r n_rps _ <<<"$(median nginx "$N")"
		read -r b_rps _ <<<"$(median bare "$N")"
		read -r a_rps _ <<<"$(median article "$N")"
		read -r h_rps _ <<<"$(median home "$N")"
		R[article-$N]=$a_rps
		R[home-$N]=$h_rps
		echo
		read -r pa plo phi <<<"$(paired article bare "$N")"
		read -r pah ahlo ahhi <<<"$(paired article bareh "$N")"
		read -r bh_rps _ <<<"$(median bareh "$N")"
		read -r ph hlo hhi <<<"$(paired home bare "$N")"
		read -r pn nlo nhi <<<"$(paired bare nginx "$N")"
		echo "- cong article / bare Go: **$(ratio "$a_rps" "$b_rps")×** on the medians;" \
			"per round $pa× (range $plo–$phi) (target ≥ 0.9)"
		echo "- cong article / bare Go sending the same headers: **$(ratio "$a_rps" "$bh_rps")×**; per round $pah× ($ahlo–$ahhi):" \
			"what routing, the page cache and counting cost"
		echo "- cong home / bare Go: $(ratio "$h_rps" "$b_rps")×; per round $ph× ($hlo–$hhi)"
		echo "- bare Go / nginx: $(ratio "$b_rps" "$n_rps")×; per round $pn× ($nlo–$nhi)"
		read -r secs flushes <<<"${R[flush-$N]}"
		echo "- counter, one visitor: $flushes flush transactions in ${secs}s of load on cong, $(ratio "$flushes" "$secs") per second"
		read -r secs flushes views ferr <<<"${R[flushxff-$N]}"
		echo "- counter, new visitor every request: $flushes flush transactions in ${secs}s, $(ratio "$flushes" "$secs") per second," \
			"carrying $views views (and as many visitors); $ferr flush errors"
		echo
	done
	if [[ ${#SIZES[@]} -gt 1 ]]; then
		echo "### 1k → 100k"
		echo
		a1=${R[article-1000]} a2=${R[article-100000]} h1=${R[home-1000]} h2=${R[home-100000]}
		echo "- article cost ratio (req/s at 1k ÷ req/s at 100k): $(ratio "$a1" "$a2") (target ≤ 1.2)"
		echo "- home cost ratio: $(ratio "$h1" "$h2") (target ≤ 1.2)"
		echo
	fi
	echo "Load average at the start of each round: ${LOADS[*]}."
	echo
	echo "## Search latency (bench/searchbench, GET /tim-kiem?q=…, one warm-up pass, then 5 rounds of the queries with 1 client and 3 rounds each with 4 clients)"
	for N in "${SIZES[@]}"; do
		echo
		echo "### $N articles, 1 client"
		echo
		cat "$TMP/search-$N-c1.md"
		echo
		echo "### $N articles, 4 clients"
		echo
		cat "$TMP/search-$N-c4.md"
	done
} >>"$REPORT"
cat "$REPORT"
