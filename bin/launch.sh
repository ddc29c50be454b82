#!/usr/bin/env bash
# Shared by ./cabintune and ./cabintune-hu: find a JDK 25, build the module if its jar is
# missing or older than the sources, then run it. Sourced with LAUNCH_NAME, LAUNCH_MODULE and
# LAUNCH_JAR set by the caller, and optionally LAUNCH_JAVA_OPTS (the program's own JVM options).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
need=25

source "$root/bin/find-jdk.sh"

if ! jdk=$(find_jdk "$need"); then
  echo "$LAUNCH_NAME: no JDK $need or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm, /opt, SDKMAN); install one, e.g. 'apt-get install temurin-$need-jdk'" >&2
  exit 1
fi

jar="$root/$LAUNCH_MODULE/target/$LAUNCH_JAR"
stale=""
if [ ! -f "$jar" ]; then
  stale=yes
elif [ -n "$(find "$root/pom.xml" "$root/dsp-core" "$root/link" "$root/firmware-java" "$root/$LAUNCH_MODULE" \
              \( -path '*/target' -prune \) -o \( \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) \
              -newer "$jar" -print \) 2>/dev/null | head -n 1)" ]; then
  stale=yes
fi
if [ -n "$stale" ]; then
  echo "$LAUNCH_NAME: building $LAUNCH_MODULE (first run or sources changed) ..." >&2
  log=$(mktemp)
  if ! (cd "$root" && ./mvnw -B -q -DskipTests -pl "$LAUNCH_MODULE" -am install >"$log" 2>&1); then
    cat "$log" >&2
    rm -f "$log"
    echo "$LAUNCH_NAME: build failed (output above)" >&2
    exit 1
  fi
  rm -f "$log"
fi

exec "$jdk/bin/java" --enable-native-access=ALL-UNNAMED -Dcabintune.home="$root" ${LAUNCH_JAVA_OPTS:-} ${CABINTUNE_JAVA_OPTS:-} -jar "$jar" "$@"
