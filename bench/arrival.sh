#!/usr/bin/env bash
# How close measured arrival times come to the virtual cabins' truth: every chosen speaker of
# every chosen car, analysed from many recordings in a quiet cabin, at 40 dB SNR (the car's
# road noise 40 dB below the sweep's RMS at the microphone) and with the car's own road noise;
# per row the SNRs and the errors' mean, RMS and largest (org.cabintune.bench.ArrivalAccuracy).
# Builds the bench module first when it is missing or older than the sources.
#
#   bench/arrival.sh                                             every speaker, 1 s sweeps, 8 recordings
#   bench/arrival.sh --speakers subwoofer --seconds 3 --recordings 24
#   bench/arrival.sh --cars sedan --conditions snr40
set -euo pipefail
source "$(dirname "$(readlink -f "$0")")/lib.sh"

case "${1:-}" in
  -h|--help) sed -n '2,10s/^# \{0,1\}//p' "$0"; exit 0 ;;
esac
bench_build bench
cd "$bench_root"
echo "load average at start: $(cut -d ' ' -f 1-3 /proc/loadavg)"
exec "$bench_java" -cp "$bench_classpath" org.cabintune.bench.ArrivalAccuracy "$@"
