# Sourced by bench/jmh.sh, bench/vs-ffmpeg.sh and bench/vs-ffmpeg-loudness.sh: the repository
# root, a JDK 25 found exactly as ./cabintune and ./cabintune-hu find theirs, a build of the
# modules a benchmark runs when their jars are missing or older than the sources, and the
# helpers the ffmpeg comparisons share.

bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_name=$(basename "$0")

# The same JDK search as the launchers (bin/find-jdk.sh), so a benchmark runs the JVM users get.
need=25
source "$bench_root/bin/find-jdk.sh"
if ! bench_jdk=$(find_jdk "$need"); then
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
# The tuner's jar, which ./cabintune runs.
bench_tuner_jar="$bench_root/tuner-app/target/cabintune.jar"

# bench_build MODULE...: for the modules `bench`, `firmware-java` and `tuner-app`, runs one package build
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
    bench) module_jar=$bench_jar; module_dirs=(dsp-core link tuner-app bench) ;;
    firmware-java) module_jar=$bench_hu_jar; module_dirs=(dsp-core link firmware-java) ;;
    tuner-app) module_jar=$bench_tuner_jar; module_dirs=(dsp-core link tuner-app) ;;
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

# bench_need_ffmpeg_and_time: exits with status 2 and the install command when ffmpeg or GNU
# time is missing. Tools are checked, never installed behind the caller's back.
bench_need_ffmpeg_and_time() {
  if ! command -v ffmpeg >/dev/null 2>&1; then
    echo "$bench_name: ffmpeg is not installed; install it with: apt-get install -y ffmpeg" >&2
    exit 2
  fi
  if [ ! -x /usr/bin/time ]; then
    echo "$bench_name: GNU time (/usr/bin/time) is not installed; install it with: apt-get install -y time" >&2
    exit 2
  fi
}

# bench_conditions: prints date, CPU, load, JDK and ffmpeg versions, for whoever copies the
# figures into docs/benchmarks.md.
bench_conditions() {
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(nproc) cores;" \
    "load average at start: $(cut -d ' ' -f 1-3 /proc/loadavg)"
  echo "jdk: $("$bench_java" -version 2>&1 | head -n 1)"
  echo "ffmpeg: $(ffmpeg -hide_banner -version | head -n 1)"
}

# bench_median VALUE...: the median of the numbers given.
bench_median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# bench_check_minutes_runs MINUTES RUNS: exits with status 2 unless MINUTES is a number in
# (0, 60] and RUNS a whole number in 1..99.
bench_check_minutes_runs() {
  [[ "$1" =~ ^[0-9]+([.][0-9]+)?$ ]] && awk -v m="$1" 'BEGIN { exit !(m > 0 && m <= 60) }' \
    || { echo "$bench_name: --minutes $1 is not a number in (0, 60]" >&2; exit 2; }
  [[ "$2" =~ ^[1-9][0-9]?$ ]] || { echo "$bench_name: --runs $2 is not a whole number in 1..99" >&2; exit 2; }
}
