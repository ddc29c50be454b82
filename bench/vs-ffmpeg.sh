#!/usr/bin/env bash
# Side by side with ffmpeg: the same 12-biquad cascade on both channels of a 10-minute
# 48 kHz stereo 24-bit WAV, through `cabintune-hu render` and through ffmpeg's `biquad`
# filter fed CabinTune's own realised coefficients, so both do the same filtering. Each runs
# --runs times; the script prints the median CPU time (user + sys) of each and the ratio
# ffmpeg_cpu / cabintune_cpu, render's own wall time (read + process + write, no JVM start),
# the same figures for a pass-through (no filters) run of each to show what start-up and WAV
# I/O cost, and whether the two outputs agree.
#
#   bench/vs-ffmpeg.sh                      10 minutes of audio, 3 runs each
#   bench/vs-ffmpeg.sh --minutes 1 --runs 1 a quick check of the script itself
#
# Needs ffmpeg (apt-get install -y ffmpeg) and GNU time (apt-get install -y time). Work
# files go to a temporary directory that is removed at the end.
set -euo pipefail
source "$(dirname "$(readlink -f "$0")")/lib.sh"

minutes=10
runs=3
baseline=yes
usage() {
  echo "usage: bench/vs-ffmpeg.sh [--minutes M] [--runs N] [--no-baseline]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) [ $# -ge 2 ] || usage; minutes=$2; shift 2 ;;
    --runs) [ $# -ge 2 ] || usage; runs=$2; shift 2 ;;
    --no-baseline) baseline=""; shift ;;
    -h|--help) sed -n '2,16s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) usage ;;
  esac
done
bench_check_minutes_runs "$minutes" "$runs"

bench_need_ffmpeg_and_time

bench_build bench firmware-java

bench_conditions
echo

work=$(mktemp -d "${TMPDIR:-/tmp}/cabintune-vs-ffmpeg.XXXXXX")
trap 'rm -rf "$work"' EXIT
fs=48000
seconds=$(awk -v m="$minutes" 'BEGIN { printf "%g", m * 60 }')

# --- Input: white noise, uniform at a peak of -12 dBFS (amplitude 0.25), independent per channel.
echo "generating ${seconds} s of 48 kHz stereo 24-bit noise ..." >&2
noise="anoisesrc=color=white:sample_rate=$fs:amplitude=0.25:duration=$seconds"
ffmpeg -hide_banner -loglevel error -nostdin -y \
  -filter_complex "$noise:seed=1[l];$noise:seed=2[r];[l][r]join=inputs=2:channel_layout=stereo[out]" \
  -map '[out]' -fflags +bitexact -c:a pcm_s24le "$work/in.wav"

# --- The cascade: a 30 Hz high-pass, ten peaking filters across the band, a high shelf.
filters='[
        {"type": "highpass", "freqHz": 30, "order": 2, "q": 0.707},
        {"type": "peaking", "freqHz": 63, "q": 4, "gainDb": -5},
        {"type": "peaking", "freqHz": 125, "q": 2.5, "gainDb": 3},
        {"type": "peaking", "freqHz": 250, "q": 1.4, "gainDb": -2.5},
        {"type": "peaking", "freqHz": 500, "q": 6, "gainDb": -4},
        {"type": "peaking", "freqHz": 1000, "q": 1, "gainDb": 1.5},
        {"type": "peaking", "freqHz": 2000, "q": 3, "gainDb": -3},
        {"type": "peaking", "freqHz": 3150, "q": 8, "gainDb": -6},
        {"type": "peaking", "freqHz": 5000, "q": 2, "gainDb": 2},
        {"type": "peaking", "freqHz": 8000, "q": 5, "gainDb": -3.5},
        {"type": "peaking", "freqHz": 12500, "q": 0.8, "gainDb": -1},
        {"type": "highshelf", "freqHz": 10000, "q": 0.7, "gainDb": -2}
      ]'
write_profile() { # write_profile FILE NAME FILTERS: two outputs, one per input, the same filters
  cat >"$1" <<JSON
{
  "format": "cabintune.profile/1",
  "name": "$2",
  "sampleRate": $fs,
  "inputs": ["L", "R"],
  "outputs": [
    {"name": "left", "role": "fullrange", "mix": {"L": 1.0}, "filters": $3},
    {"name": "right", "role": "fullrange", "mix": {"R": 1.0}, "filters": $3}
  ]
}
JSON
}
write_profile "$work/cascade.json" "Twelve biquads" "$filters"
write_profile "$work/passthrough.json" "Pass-through" "[]"

coefficients() { # the ffmpeg filter chain an output of profile $1 realises
  "$bench_java" -cp "$bench_classpath" org.cabintune.bench.tools.PrintCoefficients --ffmpeg "$2" "$1"
}
chain=$(coefficients "$work/cascade.json" left)
if [ "$chain" != "$(coefficients "$work/cascade.json" right)" ]; then
  echo "$bench_name: the two outputs' sections differ; the comparison needs one chain for both" >&2
  exit 1
fi
echo "ffmpeg chain ($(tr ',' '\n' <<<"$chain" | wc -l) biquads): $chain" >&2

# --- Runners. Each leaves "user sys wall" in $work/time and its messages in $work/log.
run_cabintune() { # run_cabintune PROFILE OUT
  # What ./cabintune-hu render execs, minus the launcher's staleness check.
  /usr/bin/time -f "%U %S %e" -o "$work/time" \
    "$bench_java" --enable-native-access=ALL-UNNAMED ${CABINTUNE_JAVA_OPTS:-} -jar "$bench_hu_jar" \
    render --profile "$1" --in "$work/in.wav" --out "$2" --bits 24 2>"$work/log"
}
run_ffmpeg() { # run_ffmpeg FILTERS OUT: one thread for decoding, filtering and encoding
  /usr/bin/time -f "%U %S %e" -o "$work/time" \
    ffmpeg -hide_banner -loglevel error -nostdin -y -threads 1 -filter_threads 1 \
    -i "$work/in.wav" -af "$1" -threads 1 -c:a pcm_s24le "$2" 2>"$work/log"
}
cpu_of_last() { awk '{ printf "%.3f", $1 + $2 }' "$work/time"; }
wall_of_last() { awk '{ printf "%.3f", $3 }' "$work/time"; }
render_seconds_of_last() { # render's own "rendered ... in X s" figure
  sed -n 's/^rendered .* in \([0-9.]*\) s,.*/\1/p' "$work/log"
}

# measure NAME KIND ARG OUT: runs one case $runs times; sets cpu_NAME, wall_NAME (medians) and,
# for CabinTune, inner_NAME (render's own time).
measure() {
  local name=$1 kind=$2 arg=$3 out=$4 i cpus=() walls=() inners=()
  for ((i = 1; i <= runs; i++)); do
    if ! "run_$kind" "$arg" "$out"; then
      cat "$work/log" >&2
      echo "$bench_name: the $name run failed (messages above)" >&2
      exit 1
    fi
    cpus+=("$(cpu_of_last)")
    walls+=("$(wall_of_last)")
    local note=""
    if [ "$kind" = cabintune ]; then
      inners+=("$(render_seconds_of_last)")
      note=", render's own time ${inners[-1]} s"
    fi
    echo "  $name run $i: cpu $(cpu_of_last) s, wall $(wall_of_last) s$note" >&2
  done
  printf -v "cpu_$name" '%s' "$(bench_median "${cpus[@]}")"
  printf -v "wall_$name" '%s' "$(bench_median "${walls[@]}")"
  if [ "$kind" = cabintune ]; then
    printf -v "inner_$name" '%s' "$(bench_median "${inners[@]}")"
  fi
}

echo "running each case $runs times ..." >&2
measure ffmpeg ffmpeg "$chain" "$work/ffmpeg.wav"
measure cabintune cabintune "$work/cascade.json" "$work/cabintune.wav"
if [ -n "$baseline" ]; then
  # Nobody reads these outputs, so both overwrite one file and the work space stays smaller.
  measure ffmpeg_io ffmpeg anull "$work/passthrough.wav"
  measure cabintune_io cabintune "$work/passthrough.json" "$work/passthrough.wav"
fi

# --- Do they agree? Same length, and a difference near the 24-bit noise floor: CabinTune
# dithers to 24 bits (TPDF) and ffmpeg truncates, so a few LSB apart is expected; a wrong
# coefficient or a missed section would be tens of dB louder.
echo >&2
echo "comparing the outputs (CabinTune vs ffmpeg):"
agree=0
"$bench_java" -cp "$bench_classpath" org.cabintune.bench.tools.WavDiff \
  "$work/cabintune.wav" "$work/ffmpeg.wav" --max-rms-dbfs -120 | sed 's/^/  /' || agree=$?

audio_s=$seconds
echo
echo "$audio_s s of 48 kHz stereo 24-bit audio, 12 biquads per channel; medians of $runs runs"
printf '  %-34s %10s %10s %14s\n' "" "cpu s" "wall s" "x real time"
row() { printf '  %-34s %10.3f %10.3f %14.0f\n' "$1" "$2" "$3" "$(awk -v a="$audio_s" -v c="$2" 'BEGIN { print a / c }')"; }
row "ffmpeg biquad chain (1 thread)" "$cpu_ffmpeg" "$wall_ffmpeg"
row "cabintune-hu render" "$cpu_cabintune" "$wall_cabintune"
printf '  %-34s %10s %10.3f %14.0f\n' "  render's own time (no JVM start)" "" "$inner_cabintune" \
  "$(awk -v a="$audio_s" -v t="$inner_cabintune" 'BEGIN { print a / t }')"
if [ -n "$baseline" ]; then
  row "ffmpeg pass-through (I/O only)" "$cpu_ffmpeg_io" "$wall_ffmpeg_io"
  row "cabintune-hu pass-through" "$cpu_cabintune_io" "$wall_cabintune_io"
  printf '  %-34s %10s %10.3f\n' "  render's own time" "" "$inner_cabintune_io"
fi
echo
awk -v f="$cpu_ffmpeg" -v c="$cpu_cabintune" \
  'BEGIN { printf "ratio ffmpeg_cpu / cabintune_cpu = %.2f  (above 1: CabinTune needs less CPU)\n", f / c }'
if [ -n "$baseline" ]; then
  awk -v f="$cpu_ffmpeg" -v fi="$cpu_ffmpeg_io" -v c="$cpu_cabintune" -v ci="$cpu_cabintune_io" \
    'BEGIN {
       df = f - fi; dc = c - ci
       printf "filtering alone (cpu minus pass-through): ffmpeg %.3f s, cabintune %.3f s", df, dc
       if (df > 0 && dc > 0) printf ", ratio %.2f", df / dc
       printf "\nstart-up and WAV I/O share of the cpu: ffmpeg %.0f%%, cabintune %.0f%%\n", 100 * fi / f, 100 * ci / c
     }'
fi
[ "$agree" -eq 0 ] || { echo "$bench_name: the outputs do not agree (see the comparison above)" >&2; exit 1; }
