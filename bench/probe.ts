// Bench: podwire's probe against music-metadata (header-only and full scan) and a full ffmpeg decode, on
// 26-minute MP3s with and without VBR headers. Prints times, ratios measured in this run, bytes read and errors.
// The audio is generated once into bench/.cache (needs sox, lame, ffmpeg, espeak-ng; installed with apt-get
// when missing and running as root).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFile } from 'music-metadata';
import { probeAudio } from '../src/audio/probe.ts';
import { openFileReader, probeFile } from '../src/node/file-reader.ts';

const CACHE = fileURLToPath(new URL('./.cache/', import.meta.url));
const SECONDS = 1536;

function ensureTools() {
  const missing = ['sox', 'lame', 'ffmpeg', 'espeak-ng'].filter((t) => spawnSync('which', [t]).status !== 0);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(`bench/probe needs ${missing.join(', ')}: apt-get install sox lame ffmpeg espeak-ng`);
  console.log(`installing ${missing.join(', ')} with apt-get ...`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'sox', 'lame', 'ffmpeg', 'espeak-ng', 'libsox-fmt-mp3'], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

const sh = (command: string) => execFileSync('bash', ['-c', command], { cwd: CACHE, stdio: 'inherit' });

/** The bench files: name -> what it is. Made once; delete bench/.cache to remake them. */
function makeFiles(): Record<string, string> {
  mkdirSync(CACHE, { recursive: true });
  const files: Record<string, [string, string]> = {
    'tone-vbr-noheader.mp3': [
      'steady tone, VBR, no Xing/VBRI header (lame -t)',
      `sox -n -r 44100 -c 2 tone.wav synth ${SECONDS} sine 440 sine 660 gain -12 && lame --quiet -V 5 -t tone.wav tone-vbr-noheader.mp3`,
    ],
    'speech-vbr-noheader.mp3': [
      'speech after silence, VBR, no header: first frames share one bitrate',
      `espeak-ng -v en-gb -s 150 -w s.wav "Podcast apps show the length that the feed declares, so it must be read from the file itself and be right. This sentence repeats until the episode is long enough." && sox -n -r 22050 -c 1 sil.wav trim 0 20 && sox s.wav -r 22050 -c 1 s22.wav && sox sil.wav s22.wav speech.wav repeat 200 trim 0 ${SECONDS} && lame --quiet -V 6 -t speech.wav speech-vbr-noheader.mp3`,
    ],
    'tone-vbr-xing.mp3': [
      'steady tone, VBR with Xing + LAME tag',
      'lame --quiet -V 5 tone.wav tone-vbr-xing.mp3',
    ],
    'tone-cbr-info.mp3': [
      'steady tone, CBR 128k with Info + LAME tag',
      'lame --quiet -b 128 tone.wav tone-cbr-info.mp3',
    ],
  };
  for (const [name, [, command]] of Object.entries(files)) {
    if (!existsSync(`${CACHE}${name}`)) {
      console.log(`making ${name} ...`);
      sh(command);
    }
  }
  return Object.fromEntries(Object.entries(files).map(([name, [what]]) => [name, what]));
}

/** Samples ffmpeg decodes (gapless), and the decode's own wall time from -benchmark (no start-up). */
function ffmpegDecode(path: string): { seconds: number; decodeMs: number } {
  const rate = Number(
    execFileSync('ffprobe', [
      '-v',
      'error',
      '-select_streams',
      'a:0',
      '-show_entries',
      'stream=sample_rate',
      '-of',
      'csv=p=0',
      path,
    ])
      .toString()
      .split(/\s|,/)[0],
  );
  const result = spawnSync(
    'ffmpeg',
    ['-benchmark', '-v', 'info', '-i', path, '-map', '0:a', '-ac', '1', '-f', 'f32le', '-'],
    {
      maxBuffer: 2 ** 31,
    },
  );
  const samples = result.stdout.length / 4;
  const rtime = /bench: .*rtime=([\d.]+)s/.exec(result.stderr.toString())?.[1];
  return { seconds: samples / rate, decodeMs: Number(rtime) * 1000 };
}

async function timeIt<T>(fn: () => Promise<T>, runs: number): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] as number, value: value as T };
}

ensureTools();
const files = makeFiles();
console.log(
  '\nprobe: 26-minute MP3s (median of runs; ratios from this run; errors against the gapless decode)\n',
);
for (const [name, what] of Object.entries(files)) {
  const path = `${CACHE}${name}`;
  const size = statSync(path).size;
  const truth = ffmpegDecode(path);
  const ours = await timeIt(() => probeFile(path), 7);
  const reader = await openFileReader(path);
  const { bytesRead } = await probeAudio(reader);
  await reader.close();
  const header = await timeIt(() => parseFile(path), 7);
  const full = await timeIt(() => parseFile(path, { duration: true }), 1);
  const err = (d: number | undefined) => (d === undefined ? 'none' : `${(d - truth.seconds).toFixed(3)} s`);
  console.log(
    `${name}: ${what}, ${(size / 1048576).toFixed(1)} MB, decoded length ${truth.seconds.toFixed(3)} s`,
  );
  console.log(
    `  podwire probe           ${ours.ms.toFixed(1).padStart(9)} ms  error ${err(ours.value.durationSeconds)}  (${ours.value.durationMethod}, read ${(bytesRead / 1048576).toFixed(2)} MB of ${(size / 1048576).toFixed(1)})`,
  );
  console.log(
    `  music-metadata header   ${header.ms.toFixed(1).padStart(9)} ms  error ${err(header.value.format.duration)}  podwire/header = ${(ours.ms / header.ms).toFixed(2)}x`,
  );
  console.log(
    `  music-metadata full     ${full.ms.toFixed(1).padStart(9)} ms  error ${err(full.value.format.duration)}  speed-up ${(full.ms / ours.ms).toFixed(0)}x`,
  );
  console.log(
    `  ffmpeg decode           ${truth.decodeMs.toFixed(1).padStart(9)} ms  (the truth)  speed-up ${(truth.decodeMs / ours.ms).toFixed(0)}x\n`,
  );
}
