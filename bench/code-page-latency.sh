#!/usr/bin/env bash
# Code page latency: N sequential requests (default 1000) to code pages of a running CodeDesk, codes sampled
# from the official order files in CODEDESK_DATA_DIR (ICD-10-CM 70%, ICD-10-PCS 20%, HCPCS 10%).
# Prints p50, p90, p99 and max in milliseconds, and how many answered 200. Usage: bench/code-page-latency.sh [base-url] [requests]
set -euo pipefail
BASE=${1:-http://localhost:8080}
N=${2:-1000}
DATA=${CODEDESK_DATA_DIR:?set CODEDESK_DATA_DIR to the folder of official files}
paths=$(mktemp)
trap 'rm -f "$paths"' EXIT
cm=$(find "$DATA" -name 'icd10cm_order_20*.txt' | sort | tail -1)
pcs=$(find "$DATA" -name 'icd10pcs_order_20*.txt' | sort | tail -1)
{
  # ICD-10-CM pages are requested at their canonical (dotted) address, so no request is a redirect
  awk -v n=$((N * 7 / 10)) 'NR % 97 == 0 && c < n { k = substr($0, 7, 7); gsub(/ /, "", k);
    print "/codes/icd10cm/" (length(k) > 3 ? substr(k, 1, 3) "." substr(k, 4) : k); c++ }' "$cm"
  awk -v n=$((N * 2 / 10)) 'NR % 211 == 0 && c < n { print "/codes/icd10pcs/" substr($0, 7, 7); c++ }' "$pcs"
  for code in J1100 E0601 A0021 G0008 L3000 Q4100 K0001 J3490 A4253 E1390; do
    for _ in $(seq 1 $((N / 100))); do echo "/codes/hcpcs/$code"; done
  done
} | tr -d ' ' | head -n "$N" > "$paths"
# one warm-up pass over 50 pages, not measured
head -50 "$paths" | while read -r p; do curl -s -o /dev/null "$BASE$p"; done
"$(dirname "$0")/sequential-get.sh" "$BASE" requests < "$paths"
