# Sourced by bench/jmh.sh and bench/vs-ffmpeg.sh: the repository root, a JDK 25 found
# exactly as ./cabintune and ./cabintune-hu find theirs, and a build of the modules a
# benchmark runs when their jars are missing or older than the sources.

bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_name=$(basename "$0")

# bin/launch.sh builds and execs when sourced, so take only its two search functions from it
# rather than keep a second copy of the search that could drift from the launchers'.
need=25
eval "$(sed -n -e '/^jdk_major() {/,/^}/p' -e '/^find_jdk() {/,/^}/p' "$bench_root/bin/launch.sh")"
if ! declare -F find_jdk >/dev/null || ! declare -F jdk_major >/dev/null; then
  echo "$bench_name: bin/launch.sh no longer defines jdk_major and find_jdk; update bench/lib.sh" >&2
  exit 1
fi
if ! bench_jdk=$(find_jdk); then
  echo "$bench_name: no JDK $need or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm, /opt, SDKMAN); install one, e.g. 'apt-get install temurin-$need-jdk'" >&2
  exit 1
fi
bench_java="$bench_jdk/bin/java"

# bench_build MODULES JAR...: runs the package build of MODULES (comma-separated, with the
# modules they need; never install) unless every JAR exists and is newer than every source
# and pom those modules can depend on.
bench_build() {
  local modules=$1 jar stale="" log
  shift
  for jar in "$@"; do
    if [ ! -f "$jar" ]; then
      stale=yes
    elif [ -n "$(find "$bench_root/pom.xml" "$bench_root/dsp-core" "$bench_root/link" \
                  "$bench_root/firmware-java" "$bench_root/bench" \
                  \( -path '*/target' -prune \) -o \
                  \( \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) \
                     -newer "$jar" -print \) 2>/dev/null | head -n 1)" ]; then
      stale=yes
    fi
  done
  [ -z "$stale" ] && return 0
  echo "$bench_name: building $modules (first run or sources changed) ..." >&2
  log=$(mktemp)
  if ! (cd "$bench_root" && ./mvnw -B -q -DskipTests -pl "$modules" -am package >"$log" 2>&1); then
    cat "$log" >&2
    rm -f "$log"
    echo "$bench_name: build failed (output above)" >&2
    exit 1
  fi
  rm -f "$log"
  for jar in "$@"; do
    if [ ! -f "$jar" ]; then
      echo "$bench_name: the build did not produce $jar" >&2
      exit 1
    fi
  done
  # The jar plugin leaves an unchanged jar as it was; mark it fresh so the next run skips the build.
  touch "$@"
}

# The bench module's jar (named by the project version) and the class path to run it with.
bench_version=$(sed -n '0,/<version>/s/.*<version>\(.*\)<\/version>.*/\1/p' "$bench_root/pom.xml")
bench_jar="$bench_root/bench/target/bench-$bench_version.jar"
bench_classpath="$bench_jar:$bench_root/bench/target/lib/*"
