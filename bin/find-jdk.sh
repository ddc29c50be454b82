# Finding a JDK of a given feature version or newer. Sourced by bin/launch.sh (the repository's
# launchers) and by the Debian package's /usr/bin/cabintune-hu, so both look in the same places.

# Prints the feature version of the JDK at $1, or nothing.
jdk_major() {
  local rel="$1/release" v
  [ -x "$1/bin/java" ] || return 0
  if [ -f "$rel" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel")
  else
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
  echo "$v"
}

# Prints the home of the first JDK of version $1 or newer among CABINTUNE_JAVA_HOME, JAVA_HOME,
# java on PATH, /usr/lib/jvm, /opt and SDKMAN; fails when there is none.
find_jdk() {
  local need="$1" c v
  local candidates=()
  [ -n "${CABINTUNE_JAVA_HOME:-}" ] && candidates+=("$CABINTUNE_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    v=$(jdk_major "$c")
    if [ -n "$v" ] && [ "$v" -ge "$need" ]; then
      echo "$c"
      return 0
    fi
  done
  return 1
}
