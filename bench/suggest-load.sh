#!/usr/bin/env bash
# Autocomplete latency under load, cold: wrk with 50 connections (2 threads) against a running CodeDesk, cycling through
# 100,000 distinct prefixes (3 characters and longer, URL-encoded) drawn with a fixed seed from the ICD-10-CM and
# ICD-10-PCS titles of the newest order files and the main terms and subterms of the newest ICD-10-CM Alphabetic Index
# in $CODEDESK_DATA_DIR: more than the answer cache holds (codedesk.search.suggest-cache-size, 20,000 by default, and
# each wrk thread starts at its own place), so most requests are computed, not served from the cache.
# Runs the static /css/codedesk.css first with the same connections (the floor: what the server and wrk do without
# any search), then the prefixes, then every prefix of the relevance sets' queries (coders' typing: abbreviations, lay
# words, typos); prints requests/second, p50 and p99 of each. Run it once the log says the search index's phrase
# answers were read or computed (docs/search.md): before that, cold prefixes are all searched. Run it under the shared lock
# (flock /tmp/codedesk-mvn.lock) so that no build shares the 2 cores.
# Usage: CODEDESK_DATA_DIR=../shared/data bench/suggest-load.sh [base-url] [seconds] [prefix-count]
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-http://localhost:8080}
SECONDS_TO_RUN=${2:-30}
COUNT=${3:-100000}
DATA=${CODEDESK_DATA_DIR:-../shared/data}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
DATA="$DATA" COUNT="$COUNT" python3 - <<'PY' > bench/suggest-prefixes.txt
import glob, os, random, re, urllib.parse
import xml.etree.ElementTree as ET
data, count = os.environ["DATA"], int(os.environ["COUNT"])
def newest(pattern):
    files = sorted(glob.glob(os.path.join(data, pattern), recursive=True))
    return files[-1] if files else None
phrases = []
for pattern in ("icd10cm/*/extracted/icd10cm_order_20*.txt", "icd10pcs/*/extracted/icd10pcs_order_20*.txt"):
    f = newest(pattern)
    if f:
        phrases += [line[77:].strip() for line in open(f, encoding="latin-1") if len(line) > 80]
f = newest("icd10cm/*/extracted/icd10cm_index_20*.xml")
if f:
    for m in ET.parse(f).getroot().iter("mainTerm"):
        main = (m.findtext("title") or "").strip()
        phrases.append(main)
        phrases += [f"{(t.findtext('title') or '').strip()} {main}" for t in m.findall("term")]
prefixes = set()
for p in phrases:
    words = re.sub(r"[^A-Za-z0-9' ]+", " ", p).lower().split()[:4]
    text = " ".join(words)
    for n in range(3, len(text) + 1):
        if text[n - 1] != " ":
            prefixes.add(text[:n])
prefixes = sorted(prefixes)
random.Random(21).shuffle(prefixes)
print("\n".join(urllib.parse.quote(p) for p in prefixes[:count]))
PY
echo "$(sort -u bench/suggest-prefixes.txt | wc -l) distinct prefixes from titles and index terms"
# Coders' own typing, not the book's phrases: every prefix (3+ characters) of the queries and prefixes of the relevance
# sets (abbreviations, lay words, typos, words out of the book's order), which the phrase answers mostly do not hold
python3 - <<'PY' > bench/suggest-prefixes-coders.txt
import glob, random, urllib.parse
queries = set()
for f in sorted(glob.glob("bench/search-queries*.tsv") + glob.glob("bench/suggest-prefixes-*.tsv")):
    for line in list(open(f, encoding="utf-8"))[1:]:
        fields = line.rstrip("\n").split("\t")
        if len(fields) > 1:
            queries.add(fields[1].strip().lower())
prefixes = sorted({q[:n] for q in queries for n in range(3, len(q) + 1) if q[n - 1] != " "})
random.Random(21).shuffle(prefixes)
print("\n".join(urllib.parse.quote(p) for p in prefixes))
PY
echo "$(sort -u bench/suggest-prefixes-coders.txt | wc -l) distinct prefixes of the relevance sets' queries"
run() {
    wrk -t2 -c50 -d"${SECONDS_TO_RUN}s" --latency "$@" | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
        END {printf "req/s %s  p50 %s  p99 %s  non-2xx %s\n", rps, p50, p99, bad == "" ? 0 : bad}'
}
echo -n "static /css/codedesk.css (floor), 50 connections: "
run "$BASE/css/codedesk.css"
echo -n "suggest, cold prefixes, 50 connections:           "
run -s bench/suggest.lua "$BASE"
echo -n "suggest, coders' prefixes, 50 connections:        "
PREFIXES=bench/suggest-prefixes-coders.txt run -s bench/suggest.lua "$BASE"
