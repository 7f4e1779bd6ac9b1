#!/usr/bin/env bash
# Code pages under load (issue 23): wrk against a running CodeDesk over >= 4,000 distinct code pages (ICD-10-CM 2,500,
# ICD-10-PCS 1,000, HCPCS 600, taken from the newest official files in CODEDESK_DATA_DIR, in a fixed shuffled order), with
# 1 and 50 connections, and the static /css/codedesk.css as the floor in the same run. Prints req/s, p50, p99, the share
# of answers that were not 200 and each target's throughput as a share of the floor's.
# The instance must run with metering off (-Dcodedesk.metering.enabled=false; it is on by default) or every guest stops at the quota.
# Usage: CODEDESK_DATA_DIR=../shared/data bench/code-page-load.sh [base-url] [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-http://localhost:8080}
SECS=${2:-20}
DATA=${CODEDESK_DATA_DIR:?set CODEDESK_DATA_DIR to the folder of official files}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cm=$(find "$DATA" -name 'icd10cm_order_20*.txt' | sort | tail -1)
pcs=$(find "$DATA" -name 'icd10pcs_order_20*.txt' | sort | tail -1)
hcpcs=$(find "$DATA" -path '*hcpcs*' -name '*alpha-numeric-hcpcs-file.zip' | sort | tail -1)
{
  # ICD-10-CM pages at their canonical (dotted) address, so no request is a redirect
  # (awk counts itself: "| head" would end it with SIGPIPE, which pipefail turns into a failure)
  awk 'NR % 25 == 0 && c++ < 2500 { k = substr($0, 7, 7); gsub(/ /, "", k);
    print "/codes/icd10cm/" (length(k) > 3 ? substr(k, 1, 3) "." substr(k, 4) : k) }' "$cm"
  awk 'NR % 70 == 0 && c++ < 1000 { k = substr($0, 7, 7); gsub(/ /, "", k); print "/codes/icd10pcs/" k }' "$pcs"
  # HCPCS: the first line (record id 3) of each Level II code of the newest alpha-numeric file
  unzip -p "$hcpcs" '*ANWEB*.txt' | tr -d '\r' | awk 'substr($0, 11, 1) == "3" && substr($0, 1, 5) ~ /^[A-Z][0-9]{4}$/ {
    print "/codes/hcpcs/" substr($0, 1, 5) }' | awk 'NR % 7 == 0 && c++ < 600'
} | sort -u | shuf --random-source=<(yes) > "$work/paths"
export PATHS="$work/paths"
echo "$(wc -l < "$work/paths") distinct code pages from $(basename "$cm"), $(basename "$pcs"), $(basename "$hcpcs"); $SECS s per run against $BASE"
echo "warm-up: one pass over every page (the first view of each is assembled): the first 500 one at a time, measured,"
echo "the rest 4 at a time, not measured (a fresh instance, or one just after an import, gives the first-view figures)"
start=$(date +%s%N)
head -500 "$work/paths" | while read -r p; do curl -s -o /dev/null -w '%{time_total}\n' "$BASE$p"; done | sort -n | awk '
  { t[NR] = $1 * 1000 } END { printf "first views, one at a time: n=%d p50 %.1f ms, p90 %.1f ms, p99 %.1f ms\n", NR, t[int(NR * 0.5)],
    t[int(NR * 0.9)], t[int(NR * 0.99)] }'
tail -n +501 "$work/paths" | xargs -P 4 -I{} curl -s -o /dev/null "$BASE{}"
echo "warm-up took $(( ($(date +%s%N) - start) / 1000000 )) ms"

# one wrk run; prints "req/s p50-ms p99-ms non-2xx"
run() {
  local connections=$1 threads=$(( $1 < 2 ? 1 : 2 )); shift
  wrk -t"$threads" -c"$connections" -d"${SECS}s" --latency "$@" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { bad = $NF } /requests in/ { total = $1 }
    END { printf "%.0f %.1f %.1f %d/%d\n", rps, p50, p99, bad, total }'
}
floor50=$(run 50 "$BASE/css/codedesk.css")
floor1=$(run 1 "$BASE/css/codedesk.css")
pages1=$(run 1 -s bench/code-pages.lua "$BASE")
pages50=$(run 50 -s bench/code-pages.lua "$BASE")
floor=$(echo "$floor50" | cut -d' ' -f1)
printf "%-28s %5s %9s %9s %9s %13s %9s\n" target conns req/s p50-ms p99-ms non-2xx/all vs-floor
for line in "static /css/codedesk.css|50|$floor50" "static /css/codedesk.css|1|$floor1" "code pages (HTML)|1|$pages1" \
    "code pages (HTML)|50|$pages50"; do
  IFS='|' read -r target conns figures <<< "$line"
  read -r rps p50 p99 bad <<< "$figures"
  printf "%-28s %5s %9s %9s %9s %13s %8.3fx\n" "$target" "$conns" "$rps" "$p50" "$p99" "$bad" "$(echo "$rps / $floor" | bc -l)"
done
