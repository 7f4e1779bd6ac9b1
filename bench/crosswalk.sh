#!/usr/bin/env bash
# Coverage benchmark (issue 11): import time and counts of the NCD lab spreadsheet and the MCE definitions, then
# crosswalk lookup latency in-process and over HTTP (GET /api/v1/crosswalk). ICD-10-CM FY2026 is imported once into an
# H2 file under target/coverage-bench; the coverage files are re-imported on every run.
# Usage: CODEDESK_DATA_DIR=../shared/data bench/crosswalk.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CODEDESK_DATA_DIR:?set CODEDESK_DATA_DIR to the official data folder (../shared/data)}"
export CODEDESK_DATA_DIR
./mvnw -q -B test -Dtest=CrosswalkBenchmark -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E "^BENCH" \
  || { echo "benchmark failed: see target/surefire-reports" >&2; exit 1; }
