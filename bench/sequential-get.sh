#!/usr/bin/env bash
# Requests each path read from stdin once, one at a time (curl), from the given base URL, and prints how many answered
# 200 and the p50, p90, p99 and max time in milliseconds, after the label. Used by code-page-latency.sh and first-views.sh.
# Usage: <paths> | bench/sequential-get.sh <base-url> <label>
set -euo pipefail
BASE=$1
LABEL=$2
times=$(mktemp)
trap 'rm -f "$times"' EXIT
while read -r p; do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$BASE$p" >> "$times" || true  # a refused connection counts as not 200
done
total=$(wc -l < "$times")
ok=$(awk '$1 == 200' "$times" | wc -l)
sort -n -k2 "$times" | awk -v n="$total" -v ok="$ok" -v label="$LABEL" '
  { t[NR] = $2 * 1000 }
  END {
    printf "%s=%d ok=%d p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms\n", label, n, ok,
      t[int(n * 0.50)], t[int(n * 0.90)], t[int(n * 0.99)], t[n]
  }'
