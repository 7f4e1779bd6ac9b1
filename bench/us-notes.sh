#!/usr/bin/env bash
# Case to code on the US notes of eval/us-notes (issue 22): micro precision/recall/F1 of the pre-checked codes,
# principal diagnosis first, ICD-10-PCS exact match and latency per note, for the dev and test splits.
# Learns from the CodiEsp train split like bench/case-to-code.sh and shares its H2 file (target/casecoding-bench).
# Per-note report (gold, pre-checked, misses, why a candidate was not checked): target/us-notes-<split>.txt.
# Usage: CODEDESK_DATA_DIR=../shared/data bench/us-notes.sh [--split dev|test|dev,test] [--no-corpus]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CODEDESK_DATA_DIR:?set CODEDESK_DATA_DIR to the official data folder (../shared/data)}"
export CODEDESK_DATA_DIR
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --split) args+=(-Dsplit="$2"); shift ;;
    --no-corpus) args+=(-Dcorpus=none) ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
./mvnw -q -B -ntp test -Dtest=UsNotesBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine="${BENCH_ARGLINE:--Xmx4g}" "${args[@]}" 2>&1 | grep -E "^BENCH" \
  || { echo "benchmark failed: see target/surefire-reports" >&2; exit 1; }
