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

# episode OUT SECONDS TITLE CHAPTER_FILE: the chapter file lists "start_seconds|title|words" per line.
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

cat >"$work/ep1.txt" <<'TXT'
0|Welcome|Welcome to Courier Conversations, the weekly programme from the newsroom of the Millbrook Courier. This is the first of two episodes about the tide mill on Saltings Creek, which turned its wheel again this autumn for the first time in ninety years. In this part we meet the people who kept its story alive. This is a demonstration episode made for podwire, with words written for it and a synthesised voice. Between the chapters you will hear the sea.
300|The millers' families|The last miller, Agnes Rowe, locked the mill door in nineteen thirty six. Her grandchildren still have the ledger she kept, with every sack of flour and every tide written in a careful hand. They lent it to the restoration team, who used its notes on the tides to set the new sluice gates.
780|Volunteers and the mud|Forty volunteers spent two winters digging silt out of the mill pond by hand. The work was cold, slow and muddy, and by their own count it filled eleven thousand buckets. Several of them told us it was the best thing they had done in years.
1260|What comes next|The trust plans to grind its first public batch of flour in the spring. In the next episode we go inside the machine itself: the wheel, the gears and the stones. Thank you for listening to Courier Conversations.
TXT
cat >"$work/ep2.txt" <<'TXT'
0|Welcome back|Welcome back to Courier Conversations. This is the second of two episodes about the tide mill on Saltings Creek. Last time we met the people; this time we look at the machine. This is a demonstration episode made for podwire, with words written for it and a synthesised voice.
320|The wheel|The new wheel is five metres across and built of oak from a storm-felled tree in Hollin Wood. It turns only while the tide runs out of the pond, about four hours in every twelve, so the millers of old worked by the moon rather than by the clock.
800|Gears and stones|Inside, a pit wheel drives a smaller wallower, which turns the upright shaft and the great spur wheel above it. The original millstones had cracked, so the trust found a matched pair in a barn across the county and brought them home on a flatbed lorry.
1300|Listening to the mill|When the mill runs, the whole building hums. The restorers say you can hear when the stones are set too close, long before you could see it in the flour. Thank you for listening to Courier Conversations, from the Millbrook Courier.
TXT

episode briefing-01-tide-mill-people.mp3 1536 "The tide mill wakes up, part 1: the people" "$work/ep1.txt"
episode briefing-02-tide-mill-machine.mp3 1585 "The tide mill wakes up, part 2: the machine" "$work/ep2.txt"

# Artwork: 1400 x 1400 JPEG (Apple's minimum), a tide of concentric rings with the show name.
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "color=c=0x0b3d5c:s=1400x1400:d=1" -frames:v 1 \
  -vf "geq=r='11+40*(0.5+0.5*sin(hypot(X-700,Y-1000)/18))':g='61+60*(0.5+0.5*sin(hypot(X-700,Y-1000)/18))':b='92+50*(0.5+0.5*sin(hypot(X-700,Y-1000)/18))',\
drawtext=fontfile=$font:text='Courier':fontcolor=white:fontsize=190:x=(w-text_w)/2:y=260,\
drawtext=fontfile=$font:text='Conversations':fontcolor=white:fontsize=150:x=(w-text_w)/2:y=480,\
drawtext=fontfile=$font:text='podwire demo':fontcolor=0xf2c14e:fontsize=80:x=(w-text_w)/2:y=700" \
  -q:v 4 -bitexact show-artwork.jpg
ls -l briefing-0*.mp3 show-artwork.jpg
