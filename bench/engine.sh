#!/usr/bin/env bash
# The engine at 32, 64 and 128-frame periods on the simulator board with the reference chain
# (calibration/profiles/reference-8ch.json, the simulator's profile): runs `cabintune-hu run`
# once per period with --stats-json and prints DSP load, block-time percentiles, deadline
# misses, collector pauses and audio-thread allocation side by side. See docs/benchmarks.md.
#
# Usage: bench/engine.sh [--seconds S] [--periods "32 64 128"] [--source pink|sine|sweep|file:PATH]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

seconds=30
periods="32 64 128"
source_spec=pink
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --periods) periods=$2; shift 2 ;;
    --source) source_spec=$2; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "$bench_name: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v python3 >/dev/null || { echo "$bench_name: needs python3 to read the stats (apt-get install -y python3)" >&2; exit 2; }

bench_build firmware-java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for p in $periods; do
  echo "$bench_name: ${seconds} s at $p frames ..." >&2
  "$bench_java" --enable-native-access=ALL-UNNAMED -XX:+UseZGC -XX:-UseDynamicNumberOfCompilerThreads \
      -jar "$bench_hu_jar" run --board "$bench_root/board-configs/simulator.yaml" --period "$p" \
      --source "$source_spec" --duration "$seconds" --stats-json "$work/$p.json" >/dev/null
done

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs; $("$bench_java" -version 2>&1 | head -1)"
python3 - "$work" $periods <<'PY'
import json, sys
work, periods = sys.argv[1], sys.argv[2:]
def f(v, fmt):
    return "n/a" if v is None else fmt.format(v)
print("| period (frames) | period (us) | periods | DSP load mean / max | block p50 / p99 / p99.99 / max (us) "
      "| deadline misses | xruns | GC pauses (max ms) | alloc. per period (B) |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for p in periods:
    s = json.load(open(f"{work}/{p}.json"))
    period_us = s["periodFrames"] * 1e6 / s["sampleRate"]
    print(f"| {p} | {period_us:.0f} | {s['periodsProcessed']} "
          f"| {100 * s['dspLoadMean']:.1f} % / {100 * s['dspLoadMax']:.0f} % "
          f"| {f(s['blockMicrosP50'], '{:.1f}')} / {f(s['blockMicrosP99'], '{:.1f}')} / "
          f"{f(s['blockMicrosP9999'], '{:.1f}')} / {f(s['blockMicrosMax'], '{:.0f}')} "
          f"| {s['deadlineMisses']} | {s['xruns']} | {f(s['gcPauses'], '{}')} ({f(s['gcPauseMillisMax'], '{:.3f}')}) "
          f"| {f(s['allocatedBytesPerPeriod'], '{:.1f}')} |")
PY
