#!/usr/bin/env bash
# Case-to-code benchmark (issue 7): learns from the CodiEsp train split, codes the dev split (English translations)
# and prints MAP and micro precision/recall/F1 for diagnoses (D) and procedures (P), and the latency per case.
# The official data is imported once into an H2 file under target/casecoding-bench and reused by later runs.
# Per-case ranked lists with the misses: target/case-to-code-<split>.txt.
# Cross-validation over the train split: --folds 5 (learn on four fifths, rank the fifth; fold folders under --cv-dir,
# default target/casecoding-cv). Both code systems are scored on the FY2018 editions CodiEsp was coded with.
# Usage: CODEDESK_DATA_DIR=../shared/data bench/case-to-code.sh [--every-mention] [--outpatient] [--split dev]
#        [--folds 5] [--cv-dir DIR] [--procedure-date 2025-12-01] [--skip-full]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CODEDESK_DATA_DIR:?set CODEDESK_DATA_DIR to the official data folder (../shared/data)}"
export CODEDESK_DATA_DIR
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --every-mention) args+=(-Dcode-every-mention=true) ;;
    --outpatient) args+=(-Dsetting=outpatient) ;;
    --split) args+=(-Dsplit="$2"); shift ;;
    --folds) args+=(-Dfolds="$2"); shift ;;
    --cv-dir) args+=(-Dcv.dir="$2"); shift ;;
    --procedure-date) args+=(-Dprocedure.date="$2"); shift ;;
    --skip-full) args+=(-Dskip.full=true) ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
./mvnw -q -B -ntp test -Dtest=CaseToCodeBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DargLine="${BENCH_ARGLINE:--Xmx4g}" "${args[@]}" 2>&1 | grep -E "^BENCH" \
  || { echo "benchmark failed: see target/surefire-reports" >&2; exit 1; }
