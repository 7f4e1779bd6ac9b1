#!/usr/bin/env bash
# Builds an ahead-of-time cache for a JDK 25 or newer (JEP 483, 514, 515): the classes CodeDesk loads and links, and
# the method profiles of a training run, so a node started with the cache serves sooner and compiles its hot code
# sooner (figures: docs/operations.md, issue 23). The training run is a real start against the configured catalog: it
# warms the code page path (codedesk.code-pages.warm-up) and exits; the cache is written as the JVM exits.
# The cache fits only this jar and this JDK: build it again after each upgrade of either.
# Usage: JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java ops/aot-cache.sh target/codedesk.jar /opt/codedesk [-Dname=value...]
#   (the -D options and SPRING_DATASOURCE_* variables as for the node itself: the same catalog and settings)
# Then: $JAVA -XX:AOTCache=/opt/codedesk/codedesk.aot [-Dname=value...] -jar /opt/codedesk/app/codedesk.jar
set -euo pipefail
JAVA=${JAVA:-java}
JAR=${1:?usage: JAVA=<jdk 25+ java> ops/aot-cache.sh <codedesk.jar> <destination folder> [-Dname=value...]}
DEST=${2:?usage: JAVA=<jdk 25+ java> ops/aot-cache.sh <codedesk.jar> <destination folder> [-Dname=value...]}
shift 2
version=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }')
if [ "${version%%.*}" -lt 25 ]; then
  echo "an ahead-of-time cache with training profiles needs a JDK 25 or newer; $JAVA is $version" >&2
  exit 2
fi
mkdir -p "$DEST"
# the cache records classes from plain jars on the class path, not from jars nested in the executable jar
rm -rf "$DEST/app"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DEST/app"
rm -f "$DEST/codedesk.aot"
"$JAVA" -XX:AOTCacheOutput="$DEST/codedesk.aot" -Dserver.port=0 -Dcodedesk.code-pages.exit-after-warm-up=true "$@" \
  -jar "$DEST/app/codedesk.jar" > "$DEST/aot-training.log" 2>&1 || true
if [ ! -s "$DEST/codedesk.aot" ] || ! grep -q "Warmed up the code page path" "$DEST/aot-training.log"; then
  echo "training run failed or warmed nothing (an empty catalog?): see $DEST/aot-training.log" >&2
  exit 1
fi
echo "cache: $DEST/codedesk.aot ($(du -h "$DEST/codedesk.aot" | cut -f1)); run: $JAVA -XX:AOTCache=$DEST/codedesk.aot [-Dname=value...] -jar $DEST/app/codedesk.jar"
