#!/usr/bin/env bash
# Claim checker benchmark (docs/operations.md): imports the real MUE/add-on/fee schedule files and a synthetic
# 1,000,000-edit PTP table into an in-memory H2 database, then times 20-line claims in-process and over HTTP.
# Usage: CODEDESK_DATA_DIR=../shared/data bench/claim-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CODEDESK_DATA_DIR:?set CODEDESK_DATA_DIR to the official data folder (../shared/data)}"
export CODEDESK_DATA_DIR
./mvnw -q -B test -Dtest=ClaimCheckBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.printSummary=false 2>&1 | grep -E "^(import of|first check|in-process|HTTP)" || { echo "benchmark failed: see target/surefire-reports" >&2; exit 1; }
