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

# The bench module's jar (named by the project version) and the class path to run it with.
bench_version=$(sed -n '0,/<version>/s/.*<version>\(.*\)<\/version>.*/\1/p' "$bench_root/pom.xml")
bench_jar="$bench_root/bench/target/bench-$bench_version.jar"
bench_classpath="$bench_jar:$bench_root/bench/target/lib/*"
# The head unit's jar, which ./cabintune-hu runs.
bench_hu_jar="$bench_root/firmware-java/target/cabintune-hu.jar"

# bench_build MODULE...: for the modules `bench` and `firmware-java`, runs one package build
# (with -am; never install) of those whose jar is missing or older than a source or pom of
# the module or of a module it depends on. A run with fresh jars starts at once.
bench_build() {
  local module stale=() list log
  for module in "$@"; do
    if bench_stale "$module"; then
      stale+=("$module")
    fi
  done
  [ ${#stale[@]} -eq 0 ] && return 0
  list=$(IFS=,; echo "${stale[*]}")
  echo "$bench_name: building $list (first run or sources changed) ..." >&2
  log=$(mktemp)
  if ! (cd "$bench_root" && ./mvnw -B -q -DskipTests -pl "$list" -am package >"$log" 2>&1); then
    cat "$log" >&2
    rm -f "$log"
    echo "$bench_name: build failed (output above)" >&2
    exit 1
  fi
  rm -f "$log"
  for module in "${stale[@]}"; do
    bench_module "$module"
    if [ ! -f "$module_jar" ]; then
      echo "$bench_name: the build did not produce $module_jar" >&2
      exit 1
    fi
    # The jar plugin leaves an unchanged jar as it was; mark it fresh so the next run skips the build.
    touch "$module_jar"
  done
}

# bench_module MODULE: sets module_jar and module_dirs (the module and what it depends on).
bench_module() {
  case "$1" in
    bench) module_jar=$bench_jar; module_dirs=(dsp-core bench) ;;
    firmware-java) module_jar=$bench_hu_jar; module_dirs=(dsp-core link firmware-java) ;;
    *) echo "$bench_name: no jar known for module $1" >&2; exit 1 ;;
  esac
}

# bench_stale MODULE: true when the module's jar is missing or older than its sources.
bench_stale() {
  bench_module "$1"
  [ ! -f "$module_jar" ] && return 0
  [ -n "$(cd "$bench_root" && find pom.xml "${module_dirs[@]}" \
          \( -path '*/target' -prune \) -o \
          \( \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$module_jar" -print \) \
          2>/dev/null | head -n 1)" ]
}
