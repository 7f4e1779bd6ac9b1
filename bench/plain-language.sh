#!/usr/bin/env bash
# Plain-language explanations (issue 24): over every code of ICD-10-CM FY2026, ICD-10-PCS FY2026, HCPCS 2026-01 and CPT (public facts),
# prints per system and per half (dev: the codes whose hash is even, which the wording was tuned on; test: the rest) the
# Flesch-Kincaid reading grade distribution, the share at grade 8 or lower, the abbreviations left unexplained and the
# result of PlainLanguageCheck (each sentence against the facts of its page) over every code. Every text goes to
# target/plain-language-<system>.tsv, a review sample of 200 dev codes to target/plain-language-sample.tsv.
# Runs outside Maven (it takes longer than a test may hold the shared Maven lock): compiles, then runs the report's main.
# The database: SPRING_DATASOURCE_URL when it already holds the releases (e.g. an H2 file a previous import made),
# else CODEDESK_DATA_DIR is imported into an in-memory H2 database first (~5 min).
# ICD-10-PCS is checked on light pages, a table at a time (Catalog.pcsExplanationPages: all 80,029 codes in ~30 s; every
# 400th is compared with its full page); CPT: every code with a fee schedule row or MUE, from its public CMS facts only.
# PLAIN_EVERY=N takes every Nth code only, PLAIN_PCS_EVERY=N for ICD-10-PCS alone; PLAIN_SYSTEMS=icd10cm,icd10pcs,hcpcs,cpt
# (the default) the systems to run; PLAIN_JAVA_OPTS extra JVM options (e.g. -Dcodedesk.test.smtp-port=2531 when another
# instance holds the default port).
# Usage: CODEDESK_DATA_DIR=../shared/data [SPRING_DATASOURCE_URL=jdbc:h2:file:...] [PLAIN_EVERY=1] [PLAIN_PCS_EVERY=10] bench/plain-language.sh [threads]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CODEDESK_DATA_DIR:?set CODEDESK_DATA_DIR to the official data folder (../shared/data)}"
export CODEDESK_DATA_DIR
./mvnw -B -ntp -q test-compile
[[ -s target/cp.txt ]] || ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
java -Xmx4g ${PLAIN_JAVA_OPTS:-} -Dplain.threads="${1:-2}" -Dplain.systems="${PLAIN_SYSTEMS:-icd10cm,icd10pcs,hcpcs,cpt}" -Dplain.every="${PLAIN_EVERY:-1}" -Dplain.pcs-every="${PLAIN_PCS_EVERY:-${PLAIN_EVERY:-1}}" -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
  org.codedesk.catalog.plain.PlainLanguageReport 2>&1 | grep -E "^PLAIN|Exception|Error" 
