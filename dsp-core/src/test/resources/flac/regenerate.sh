#!/usr/bin/env bash
# Regenerates the FLAC test files in this directory with the reference encoder (Debian's
# `flac` package: apt-get install flac). The audio comes from FlacFixtures (test code), which
# the tests run again to compare the decoder's output sample for sample; see the class for
# what each case holds and why. Run from anywhere: bash dsp-core/src/test/resources/flac/regenerate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../.." && pwd)
command -v flac >/dev/null || { echo "regenerate.sh: needs flac (apt-get install flac)" >&2; exit 2; }

need=25
eval "$(sed -n -e '/^jdk_major() {/,/^}/p' -e '/^find_jdk() {/,/^}/p' "$root/bin/launch.sh")"
java="$(find_jdk)/bin/java"

(cd "$root" && ./mvnw -B -q -o -pl dsp-core test-compile)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp="$root/dsp-core/target/classes:$root/dsp-core/target/test-classes"
"$java" -cp "$cp" org.cabintune.dsp.flac.FlacFixtures wav "$work"

# A CD-style cue sheet for the case that carries every kind of metadata block flac writes.
printf 'FILE "s16-metadata.wav" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n' > "$work/cue.txt"

while IFS=$'\t' read -r name input raw options; do
  # shellcheck disable=SC2086
  (cd "$work" && flac -s -f $raw $options -o "$name.flac" "$input")
done < "$work/cases.tsv"

"$java" -cp "$cp" org.cabintune.dsp.flac.FlacFixtures splice "$work"
rm -f "$here"/*.flac
for f in "$work"/*.flac; do
  case "$(basename "$f")" in segment-*) ;; *) cp "$f" "$here/" ;; esac
done
echo "regenerate.sh: $(ls "$here"/*.flac | wc -l) files, $(du -cb "$here"/*.flac | tail -1 | cut -f1) bytes"
