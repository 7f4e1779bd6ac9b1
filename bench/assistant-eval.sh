#!/usr/bin/env bash
# Assistant evaluation (issue 6): imports the official data into an in-memory H2 database, asks every question
# of eval/assistant-questions.tsv offline, prints the share correct per topic, overall, the share of answers with
# an unverified code and the latency. Misses: target/assistant-eval-misses.txt.
# Usage: CODEDESK_DATA_DIR=../shared/data bench/assistant-eval.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CODEDESK_DATA_DIR:?set CODEDESK_DATA_DIR to the official data folder (../shared/data)}"
export CODEDESK_DATA_DIR
./mvnw -q -B test -Dtest=AssistantEvaluation -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E "^EVAL" \
  || { echo "evaluation failed: see target/surefire-reports" >&2; exit 1; }
