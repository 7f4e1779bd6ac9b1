#!/usr/bin/env bash
# FHIR terminology load benchmark (issue 10): CodeSystem/$lookup and $validate-code over HTTP with an API token,
# 1, 4 and 16 client threads, 20 s each after 5 s of warm-up, on codes sampled from the official releases.
# The official data is imported once into an H2 file under target/fhir-bench and reused by later runs (FHIR_BENCH_HOME=<folder>
# reuses another folder's full-data H2 file, e.g. one a running instance imported, once that instance is stopped).
# Usage: CODEDESK_DATA_DIR=../shared/data bench/fhir-load.sh [-Dcodedesk.code-pages.cache-size=0 (every $lookup assembles its page)]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CODEDESK_DATA_DIR:?set CODEDESK_DATA_DIR to the official data folder (../shared/data)}"
export CODEDESK_DATA_DIR
./mvnw -q -B test -Dtest=FhirLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  ${FHIR_BENCH_HOME:+-Dbench.home="$FHIR_BENCH_HOME"} "$@" 2>&1 | grep -E "^BENCH" \
  || { echo "benchmark failed: see target/surefire-reports" >&2; exit 1; }
