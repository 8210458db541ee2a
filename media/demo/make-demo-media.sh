#!/usr/bin/env bash
# Makes podwire's demo media from scratch: two spoken episodes of exactly 1536 s (25:36) and
# 1585 s (26:25), and the show artwork. Everything here is original: the words below, speech
# synthesised by espeak-ng, a "sea" bed made from filtered noise by sox, artwork drawn by ffmpeg.
#
# Needs: espeak-ng, sox, ffmpeg (with libmp3lame) and the DejaVu fonts (Debian: apt-get install
# espeak-ng sox ffmpeg fonts-dejavu-core). The outputs are committed, so this only runs when the
# demo changes: bash media/demo/make-demo-media.sh
#
# The MP3s are CBR 16 kbit/s mono, 16 kHz (MPEG-2 Layer III), with a Xing "Info" frame and a LAME
# tag declaring encoder delay and padding, so every player and parser reads the true length; ID3v2.4
# tags carry the title, artist and CHAP chapter frames.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
RATE=16000

# speak TEXT OUT: one mono 16 kHz WAV of synthesised speech.
speak() {
  espeak-ng -v en-gb -s 150 -p 45 -w "$work/raw.wav" "$1"
  sox "$work/raw.wav" -r "$RATE" -c 1 "$2" gain -n -3
}

# episode OUT SECONDS TITLE SCRIPT: the script (*.script.txt, also read by make-demo-transcripts.sh) lists
# "start_seconds|title|words" per line.
# Each chapter opens with its words, spoken over a quiet sea bed that runs to the next chapter.
episode() {
  local out=$1 total=$2 title=$3 chapters=$4
  local meta="$work/meta.txt" parts=() i=0
  local -a starts titles words
  while IFS='|' read -r start name text; do
    starts+=("$start"); titles+=("$name"); words+=("$text")
  done <"$chapters"
  printf ';FFMETADATA1\ntitle=%s\nartist=Millbrook Courier\nalbum=Courier Conversations\ndate=2026\ncomment=podwire demo episode; original text and synthesised speech\n' "$title" >"$meta"
  for i in "${!starts[@]}"; do
    local start=${starts[$i]} end=$total
    if ((i + 1 < ${#starts[@]})); then end=${starts[$((i + 1))]}; fi
    local len=$((end - start))
    speak "${words[$i]}" "$work/voice-$i.wav"
    # sea bed: brown noise, low-passed, swelling slowly, well under the voice
    sox -n -r "$RATE" -c 1 "$work/bed-$i.wav" synth "$len" brownnoise lowpass 600 tremolo 0.08 60 gain -n -30
    sox -m "$work/bed-$i.wav" "$work/voice-$i.wav" "$work/part-$i.wav" trim 0 "$len"
    parts+=("$work/part-$i.wav")
    printf '[CHAPTER]\nTIMEBASE=1/1000\nSTART=%d\nEND=%d\ntitle=%s\n' "$((start * 1000))" "$((end * 1000))" "${titles[$i]}" >>"$meta"
  done
  # exactly TOTAL seconds of samples: RATE * TOTAL
  sox "${parts[@]}" "$work/episode.wav" trim 0 "${total}" pad 0 0
  local samples
  samples=$(soxi -s "$work/episode.wav")
  if [ "$samples" -ne $((RATE * total)) ]; then echo "length is $samples samples, want $((RATE * total))" >&2; exit 1; fi
  ffmpeg -hide_banner -loglevel error -y -i "$work/episode.wav" -i "$meta" -map_metadata 1 -map_chapters 1 \
    -c:a libmp3lame -b:a 16k -ar "$RATE" -ac 1 -id3v2_version 4 -write_xing 1 -bitexact "$out"
}


episode briefing-01-tide-mill-people.mp3 1536 "The tide mill wakes up, part 1: the people" briefing-01-tide-mill-people.script.txt
episode briefing-02-tide-mill-machine.mp3 1585 "The tide mill wakes up, part 2: the machine" briefing-02-tide-mill-machine.script.txt

# Artwork: 1400 x 1400 JPEG (Apple's minimum), a tide of concentric rings with the show name.
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "color=c=0x0b3d5c:s=1400x1400:d=1" -frames:v 1 \
  -vf "geq=r='11+40*(0.5+0.5*sin(hypot(X-700,Y-1000)/18))':g='61+60*(0.5+0.5*sin(hypot(X-700,Y-1000)/18))':b='92+50*(0.5+0.5*sin(hypot(X-700,Y-1000)/18))',\
drawtext=fontfile=$font:text='Courier':fontcolor=white:fontsize=190:x=(w-text_w)/2:y=260,\
drawtext=fontfile=$font:text='Conversations':fontcolor=white:fontsize=150:x=(w-text_w)/2:y=480,\
drawtext=fontfile=$font:text='podwire demo':fontcolor=0xf2c14e:fontsize=80:x=(w-text_w)/2:y=700" \
  -q:v 4 -bitexact show-artwork.jpg
ls -l briefing-0*.mp3 show-artwork.jpg
