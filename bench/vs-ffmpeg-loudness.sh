#!/usr/bin/env bash
# Side by side with ffmpeg's ebur128 filter: one 10-minute 48 kHz stereo 24-bit file measured
# by `cabintune loudness --json` (the tuner's jar run directly, as ./cabintune runs it) and by
# `ffmpeg -nostats -i FILE -af ebur128=peak=true -f null -`. Each runs --runs times, the two
# taking turns; the script prints both programs' readings (integrated loudness, loudness
# range, true peak), the median CPU time (user + sys) and wall time of each, and the ratio
# ffmpeg_cpu / cabintune_cpu.
#
#   bench/vs-ffmpeg-loudness.sh                      10 minutes of audio, 3 runs each
#   bench/vs-ffmpeg-loudness.sh --minutes 1 --runs 1 a quick check of the script itself
#
# Needs ffmpeg (apt-get install -y ffmpeg) and GNU time (apt-get install -y time). Work
# files go to a temporary directory that is removed at the end.
set -euo pipefail
source "$(dirname "$(readlink -f "$0")")/lib.sh"

minutes=10
runs=3
usage() {
  echo "usage: bench/vs-ffmpeg-loudness.sh [--minutes M] [--runs N]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) [ $# -ge 2 ] || usage; minutes=$2; shift 2 ;;
    --runs) [ $# -ge 2 ] || usage; runs=$2; shift 2 ;;
    -h|--help) sed -n '2,13s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) usage ;;
  esac
done
bench_check_minutes_runs "$minutes" "$runs"
bench_need_ffmpeg_and_time
bench_build tuner-app
bench_conditions
echo

work=$(mktemp -d "${TMPDIR:-/tmp}/cabintune-vs-ffmpeg-loudness.XXXXXX")
trap 'rm -rf "$work"' EXIT
fs=48000
seconds=$(awk -v m="$minutes" 'BEGIN { printf "%g", m * 60 }')

# --- Input: programme-like rather than steady: independent pink noise per channel whose level
# swings over 12 dB on a 40 s cycle, so that the gates and the loudness range have work to do.
echo "generating ${seconds} s of 48 kHz stereo 24-bit programme ..." >&2
noise="anoisesrc=color=pink:sample_rate=$fs:amplitude=0.5:duration=$seconds"
ffmpeg -hide_banner -loglevel error -nostdin -y \
  -filter_complex "$noise:seed=1[l];$noise:seed=2[r];[l][r]join=inputs=2:channel_layout=stereo,volume=eval=frame:volume='pow(10,-0.3*(1+sin(2*PI*t/40)))'[out]" \
  -map '[out]' -fflags +bitexact -c:a pcm_s24le "$work/in.wav"

# --- Runners. Each leaves "user sys wall" in $work/time.
run_cabintune() {
  # What ./cabintune loudness execs, minus the launcher's staleness check.
  /usr/bin/time -f "%U %S %e" -o "$work/time" \
    "$bench_java" --enable-native-access=ALL-UNNAMED ${CABINTUNE_JAVA_OPTS:-} -jar "$bench_tuner_jar" \
    loudness --json "$work/in.wav" >"$work/cabintune.json" 2>"$work/cabintune.log"
}
run_ffmpeg() {
  /usr/bin/time -f "%U %S %e" -o "$work/time" \
    ffmpeg -nostats -i "$work/in.wav" -af ebur128=peak=true -f null - </dev/null 2>"$work/ffmpeg.log"
}

echo "running each $runs times, taking turns ..." >&2
cpus_ffmpeg=() walls_ffmpeg=() cpus_cabintune=() walls_cabintune=()
for ((i = 1; i <= runs; i++)); do
  for tool in ffmpeg cabintune; do
    if ! "run_$tool"; then
      cat "$work/$tool.log" >&2
      echo "$bench_name: the $tool run failed (messages above)" >&2
      exit 1
    fi
    cpu=$(awk '{ printf "%.3f", $1 + $2 }' "$work/time")
    wall=$(awk '{ printf "%.3f", $3 }' "$work/time")
    eval "cpus_$tool+=($cpu); walls_$tool+=($wall)"
    echo "  $tool run $i: cpu $cpu s, wall $wall s" >&2
  done
done
cpu_ffmpeg=$(bench_median "${cpus_ffmpeg[@]}")
wall_ffmpeg=$(bench_median "${walls_ffmpeg[@]}")
cpu_cabintune=$(bench_median "${cpus_cabintune[@]}")
wall_cabintune=$(bench_median "${walls_cabintune[@]}")

# --- Readings: ffmpeg's summary block (its per-frame lines start with "[Parsed_ebur128") and
# the JSON line.
ff() { awk -v key="$1" '$1 == key ":" { v = $2 } END { print v }' "$work/ffmpeg.log"; }
ct() { sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p" "$work/cabintune.json"; }
echo
echo "readings of the same ${seconds} s programme"
printf '  %-26s %12s %12s %10s\n' "" "cabintune" "ffmpeg" "difference"
row() {
  printf '  %-26s %12s %12s %10s\n' "$1" "$2" "$3" "$(awk -v a="$2" -v b="$3" 'BEGIN { printf "%+.2f", a - b }')"
}
row "integrated loudness, LUFS" "$(ct integratedLufs)" "$(ff I)"
row "loudness range, LU" "$(ct loudnessRangeLu)" "$(ff LRA)"
row "true peak, dBTP" "$(ct truePeakDbtp)" "$(ff Peak)"
echo
echo "$seconds s of 48 kHz stereo 24-bit audio; medians of $runs runs"
printf '  %-34s %10s %10s %14s\n' "" "cpu s" "wall s" "x real time"
timing() { printf '  %-34s %10.3f %10.3f %14.0f\n' "$1" "$2" "$3" "$(awk -v a="$seconds" -v c="$2" 'BEGIN { print a / c }')"; }
timing "ffmpeg -af ebur128=peak=true" "$cpu_ffmpeg" "$wall_ffmpeg"
timing "cabintune loudness --json" "$cpu_cabintune" "$wall_cabintune"
echo
awk -v f="$cpu_ffmpeg" -v c="$cpu_cabintune" \
  'BEGIN { printf "ratio ffmpeg_cpu / cabintune_cpu = %.2f  (above 1: CabinTune needs less CPU)\n", f / c }'

# ffmpeg prints one decimal; a meter bug would be far more than its rounding.
if ! awk -v a="$(ct integratedLufs)" -v b="$(ff I)" 'BEGIN { d = a - b; exit !(d < 0.2 && d > -0.2) }'; then
  echo "$bench_name: the integrated loudness readings differ by more than 0.2 LU" >&2
  exit 1
fi
