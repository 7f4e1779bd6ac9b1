#!/usr/bin/env bash
# Autocomplete latency under load: wrk with 50 concurrent connections (2 threads) for 30 s against a running
# CodeDesk, cycling through every prefix (3 characters and longer) of the queries in bench/search-queries.tsv,
# URL-encoded. Prints wrk's latency distribution (p50, p75, p90, p99) and requests/second.
# Usage: bench/suggest-load.sh [base-url] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-http://localhost:8080}
SECONDS_TO_RUN=${2:-30}
python3 - <<'PY' > bench/suggest-prefixes.txt
import urllib.parse
seen = []
for line in open("bench/search-queries.tsv", encoding="utf-8").read().splitlines()[1:]:
    query = line.split("\t")[1]
    for n in range(3, len(query) + 1):
        p = urllib.parse.quote(query[:n])
        if p not in seen:
            seen.append(p)
print("\n".join(seen))
PY
echo "$(wc -l < bench/suggest-prefixes.txt) distinct prefixes"
wrk -t2 -c50 -d"${SECONDS_TO_RUN}s" --latency -s bench/suggest.lua "$BASE"
