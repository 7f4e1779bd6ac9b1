#!/usr/bin/env bash
# First views: N code pages no one has viewed yet (default 500), requested one at a time (curl), so each is assembled
# from the database (issue 23: "the first view of a page after import < 20 ms"). Pages of the newest ICD-10-CM and
# ICD-10-PCS order files in CODEDESK_DATA_DIR: 70% every 25th ICD-10-CM line from the K-th, 30% every 70th PCS line from
# the M-th, alternating. Choose a K/M pair not used before on the same running instance, or the pages are cached.
# Prints p50, p90, p99 and max in milliseconds and how many answered 200.
# Usage: CODEDESK_DATA_DIR=../shared/data bench/first-views.sh [base-url] [K] [M] [N]
set -euo pipefail
BASE=${1:-http://localhost:8080}
K=${2:-1}
M=${3:-1}
N=${4:-500}
DATA=${CODEDESK_DATA_DIR:?set CODEDESK_DATA_DIR to the folder of official files}
cm=$(find "$DATA" -name 'icd10cm_order_20*.txt' | sort | tail -1)
pcs=$(find "$DATA" -name 'icd10pcs_order_20*.txt' | sort | tail -1)
paths=$(mktemp)
trap 'rm -f "$paths"' EXIT
paste -d '\n' \
  <(awk -v k="$K" 'NR % 25 == k % 25 { c = substr($0, 7, 7); gsub(/ /, "", c);
      print "/codes/icd10cm/" (length(c) > 3 ? substr(c, 1, 3) "." substr(c, 4) : c) }' "$cm" | head -n $((N * 7 / 10))) \
  <(awk -v m="$M" 'NR % 70 == m % 70 { print "/codes/icd10pcs/" substr($0, 7, 7) }' "$pcs" | head -n $((N - N * 7 / 10))) \
  | grep . | head -n "$N" > "$paths"
"$(dirname "$0")/sequential-get.sh" "$BASE" "first views" < "$paths"
