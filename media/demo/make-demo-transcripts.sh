#!/usr/bin/env bash
# Makes the WebVTT transcripts of the demo episodes from their scripts (*.script.txt): one cue per
# sentence, timed by synthesising each sentence with the same espeak-ng voice the audio used, from
# the start of its chapter. Needs espeak-ng and sox; run from anywhere: bash media/demo/make-demo-transcripts.sh
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

stamp() { # seconds (float) -> HH:MM:SS.mmm
  awk -v t="$1" 'BEGIN { ms = int(t * 1000 + 0.5); printf "%02d:%02d:%02d.%03d", ms / 3600000, (ms / 60000) % 60, (ms / 1000) % 60, ms % 1000 }'
}

for script in briefing-0*.script.txt; do
  out="${script%.script.txt}.vtt"
  {
    printf 'WEBVTT\n\n'
    while IFS='|' read -r start title words; do
      at=$start
      printf 'NOTE %s\n\n' "$title"
      # one sentence per line: split after . ? ! followed by a space
      while IFS= read -r sentence; do
        [ -z "$sentence" ] && continue
        espeak-ng -v en-gb -s 150 -p 45 -w "$work/s.wav" "$sentence"
        length=$(soxi -D "$work/s.wav")
        end=$(awk -v a="$at" -v l="$length" 'BEGIN { print a + l }')
        printf '%s --> %s\n%s\n\n' "$(stamp "$at")" "$(stamp "$end")" "$sentence"
        at=$end
      done < <(printf '%s\n' "$words" | sed -E 's/([.?!]) +/\1\n/g')
    done <"$script"
  } >"$out"
  echo "wrote $out"
done
