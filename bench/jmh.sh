#!/usr/bin/env bash
# Runs CabinTune's JMH benchmarks on a JDK 25, building the bench module first when it is
# missing or older than the sources. Arguments go to JMH unchanged: a benchmark regexp,
# -p frames=128, -prof gc, -rff results.json, ... (-h lists them). -f 1 -wi 3 -i 5 are added
# unless given. After JMH's table, each ReferenceChainBenchmark row is turned into the
# real-time factor at 48 kHz: 1e9 / 48000 / (ns per frame).
#
#   bench/jmh.sh                                  everything, default iterations
#   bench/jmh.sh ReferenceChain -p frames=128     one block size of the chain
#   bench/jmh.sh -wi 2 -i 3 -w 1 -r 1             a quick look
set -euo pipefail
source "$(dirname "$(readlink -f "$0")")/lib.sh"

bench_build bench

# Defaults only for what the caller left out: JMH refuses an option given twice.
defaults=()
has_option() {
  local want=$1 arg
  shift
  for arg in "$@"; do
    [ "$arg" = "$want" ] && return 0
  done
  return 1
}
has_option -f "$@" || defaults+=(-f 1)
has_option -wi "$@" || defaults+=(-wi 3)
has_option -i "$@" || defaults+=(-i 5)

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# The profile path is a host JVM property; JMH's forks inherit the host's JVM arguments
# (unless -jvmArgs replaces them, and then the benchmark walks up from the working directory).
set +e
"$bench_java" -Dcabintune.profile="$bench_root/calibration/profiles/reference-8ch.json" \
  -cp "$bench_classpath" org.openjdk.jmh.Main "${defaults[@]}" "$@" | tee "$log"
status=${PIPESTATUS[0]}
set -e
[ "$status" -eq 0 ] || exit "$status"

# JMH's closing table: Benchmark, (params...), Mode, Cnt, Score, [±, Error,] Units.
awk -v fs_hz=48000 '
  /^Benchmark / { table = 1; next }
  table && $1 ~ /ReferenceChainBenchmark\.[A-Za-z]+$/ {
    for (m = 2; m <= NF && $m != "avgt"; m++) {}
    if (m > NF) next
    unit = $NF
    scale = unit == "ns/op" ? 1 : unit == "us/op" ? 1e3 : unit == "ms/op" ? 1e6 : unit == "s/op" ? 1e9 : 0
    if (scale == 0) next
    ns = $(m + 2) * scale
    params = ""
    for (i = 2; i < m; i++) params = params " " $i
    if (!printed++) {
      print ""
      print "Real-time factor at " fs_hz / 1000 " kHz (1e9 / " fs_hz " / ns per frame; >1 is faster than real time):"
    }
    printf "  %-40s %-8s %10.1f ns/frame %8.1fx real time\n", $1, params, ns, 1e9 / fs_hz / ns
  }
' "$log"
