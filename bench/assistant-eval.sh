#!/usr/bin/env bash
# Assistant evaluation (issues 6 and 20): imports the official data into an in-memory H2 database, asks every question of
# eval/assistant-questions.tsv (regression set), eval/assistant-dev.tsv and eval/assistant-test.tsv (generated from the data by
# QuestionSetGenerator), eval/assistant-coder-dev.tsv and eval/assistant-coder-test.tsv (161 questions written by hand in coders'
# phrasing, gold facts checked against the FY2026 files; tune on coder-dev only, report coder-test) offline, prints per set
# the share correct per topic, with and without a date, overall, the share of answers with an unverified code and the
# latency (p50, p99). Misses: target/assistant-eval-misses-<set>.txt.
# --generate first rewrites the dev and test sets from the data (QuestionSetGenerator).
# EVAL_FILES=eval/assistant-coder-dev.tsv (comma-separated) evaluates only those files.
# Usage: CODEDESK_DATA_DIR=../shared/data bench/assistant-eval.sh [--generate]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CODEDESK_DATA_DIR:?set CODEDESK_DATA_DIR to the official data folder (../shared/data)}"
export CODEDESK_DATA_DIR
generate=false
[[ "${1:-}" == "--generate" ]] && generate=true
flock /tmp/codedesk-mvn.lock ./mvnw -q -B -ntp test -Dtest=AssistantEvaluation -Dsurefire.failIfNoSpecifiedTests=false \
  -Deval.generate="$generate" ${EVAL_FILES:+-Deval.files="$EVAL_FILES"} 2>&1 | grep -E "^EVAL" \
  || { echo "evaluation failed: see target/surefire-reports" >&2; exit 1; }
