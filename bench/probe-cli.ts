// Bench: `podwire probe --json` as a user meets it, per file, against a full single-threaded ffmpeg decode of the same file.
// Header-less VBR MP3s of 1536 s at 8, 16, 22.05 and 44.1 kHz (MPEG 2.5, 2, 1), each copied COPIES times so every
// probe opens a file of its own. The copies are written afresh before each rate is measured and removed after: in the
// page cache they are then as a just-uploaded episode is when podwire probes it (on this VM, copies that have aged in
// the page cache read up to 2.5x slower per MB). The CLI's marginal cost per file is the slope between a run over
// the copies once and a run over them PASSES times: start-up cancels out. Both sides are pinned to CPU 0. Reading
// the copies alone (readSync, 1 MiB at a time, pinned too) is printed beside it: it bounds what a probe can cost.
// PROBE_CLI_SET picks the encoding: "v6" (lame -V 6, the default) or "capped" (-V 6 -B at spoken-word bitrates).
// Needs sox, lame, ffmpeg, espeak-ng (installed as root when missing); audio is cached in bench/.cache/probe-cli.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureTools } from './tools.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = fileURLToPath(new URL('./.cache/probe-cli/', import.meta.url));
const SECONDS = 1536;
const RATES = [8000, 16000, 22050, 44100] as const;
const COPIES = Number(process.env.PROBE_CLI_COPIES ?? 40);
const PASSES = Number(process.env.PROBE_CLI_PASSES ?? 8);
const RUNS = Number(process.env.PROBE_CLI_RUNS ?? 7);
const SETS: Record<string, { label: string; lame: (rate: number) => string }> = {
  v6: { label: 'lame -V 6 -t', lame: () => '-V 6' },
  // the bitrates spoken-word podcasts use at these rates (lame -V 6 alone gives 30, 52, 62, 56 kbit/s)
  capped: {
    label: 'lame -V 6 -t, at most 16/32/40/64 kbit/s',
    lame: (rate) => `-V 6 -B ${{ 8000: 16, 16000: 32, 22050: 40, 44100: 64 }[rate]}`,
  },
};
const SET = process.env.PROBE_CLI_SET ?? 'v6';
const SPEECH =
  'Podcast apps show the length that the feed declares, so it must be read from the file itself and be right. This sentence repeats, with a pause, until the episode is long enough.';

const sh = (command: string) => execFileSync('bash', ['-c', command], { cwd: CACHE, stdio: 'inherit' });

/** Speech with pauses over a quiet noise bed, encoded VBR without a Xing/VBRI header (lame -t), ID3 tags kept. */
function makeFiles(set: string, lame: (rate: number) => string): Record<number, string> {
  mkdirSync(`${CACHE}copies`, { recursive: true });
  if (!existsSync(`${CACHE}speech.wav`)) sh(`espeak-ng -v en-gb -s 150 -w speech.wav "${SPEECH}"`);
  const masters: Record<number, string> = {};
  for (const rate of RATES) {
    const mp3 = `${CACHE}${set}-${rate}.mp3`;
    if (!existsSync(mp3)) {
      console.log(`making ${set}-${rate}.mp3 ...`);
      sh(
        `sox speech.wav -r ${rate} -c 1 voice.wav pad 0 2 repeat 150 trim 0 ${SECONDS} && ` +
          `sox -n -r ${rate} -c 1 bed.wav synth ${SECONDS} brownnoise lowpass 600 tremolo 0.08 60 gain -n -30 && ` +
          `sox -m bed.wav voice.wav mix.wav && lame --quiet ${lame(rate)} -t --tt "Bench episode" --ta podwire mix.wav ${set}-${rate}.mp3`,
      );
      for (const wav of ['voice.wav', 'bed.wav', 'mix.wav']) rmSync(`${CACHE}${wav}`, { force: true });
    }
    masters[rate] = mp3;
  }
  return masters;
}

/** COPIES fresh copies of `mp3`, each a file of its own. */
function freshCopies(mp3: string): string[] {
  return Array.from({ length: COPIES }, (_, i) => {
    const copy = `${CACHE}copies/${i}-${mp3.slice(CACHE.length)}`;
    rmSync(copy, { force: true });
    copyFileSync(mp3, copy);
    return copy;
  });
}

/** Wall and CPU (user + sys of the child, from bash's `times`) milliseconds of `command`, stdout to `out`. */
function run(command: readonly string[], out: string): { wall: number; cpu: number; stderr: string } {
  const start = performance.now();
  const result = spawnSync(
    'bash',
    ['-c', '"$@" >"$OUT"; status=$?; times >&2; exit $status', 'bash', ...command],
    {
      env: { ...process.env, OUT: out },
      maxBuffer: 2 ** 26,
    },
  );
  const wall = performance.now() - start;
  const stderr = result.stderr.toString();
  if (result.status !== 0)
    throw new Error(`${command.join(' ').slice(0, 200)} failed: ${stderr.slice(-2000)}`);
  const times = [...stderr.matchAll(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/g)].at(-1);
  const seconds = (m: string | undefined, s: string | undefined) => Number(m) * 60 + Number(s);
  const cpu = times ? (seconds(times[1], times[2]) + seconds(times[3], times[4])) * 1000 : Number.NaN;
  return { wall, cpu, stderr };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/** The CLI's marginal wall and CPU ms per file, from runs over COPIES files and COPIES * PASSES files. */
function cliPerFile(files: readonly string[]) {
  const podwire = [process.execPath, `${ROOT}src/cli/podwire.js`, 'probe', '--json'];
  const many = Array.from({ length: PASSES }, () => files).flat();
  const out = `${CACHE}out.json`;
  const small: { wall: number; cpu: number }[] = [];
  const large: { wall: number; cpu: number }[] = [];
  run(['taskset', '-c', '0', ...podwire, ...files], out); // warm the page cache and tsx's cache
  for (let i = 0; i < RUNS; i++) {
    small.push(run(['taskset', '-c', '0', ...podwire, ...files], out));
    large.push(run(['taskset', '-c', '0', ...podwire, ...many], out));
  }
  const rows = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>[];
  const n = many.length - files.length;
  const slope = (key: 'wall' | 'cpu') =>
    (median(large.map((r) => r[key])) - median(small.map((r) => r[key]))) / n;
  const pairSlopes = large.map((r, i) => (r.wall - (small[i]?.wall ?? 0)) / n);
  return {
    wall: slope('wall'),
    cpu: slope('cpu'),
    pairSlopes,
    rows,
    startWall: median(small.map((r) => r.wall)),
  };
}

/** Milliseconds per file to read the copies with readSync, 1 MiB at a time, pinned: the floor of a probe. */
function readAlone(files: readonly string[]): number {
  const script = `const fs = require('node:fs'); const files = process.argv.slice(1); const buf = new Uint8Array(1 << 20);
    const pass = () => { const t = performance.now(); for (const f of files) { const fd = fs.openSync(f, 'r');
      const size = fs.fstatSync(fd).size; for (let p = 0; p < size; ) p += fs.readSync(fd, buf, 0, buf.length, p) || size;
      fs.closeSync(fd); } return (performance.now() - t) / files.length; };
    pass(); const t = [pass(), pass(), pass(), pass(), pass()].sort((a, b) => a - b); console.log(t[2]);`;
  const out = execFileSync('taskset', ['-c', '0', process.execPath, '-e', script, ...files]);
  return Number(out.toString());
}

/** ffmpeg's own -benchmark figures for decoding `path` (rtime: wall, utime + stime: CPU), no start-up. */
function ffmpegDecode(path: string) {
  const { stderr } = run(
    [
      'taskset',
      '-c',
      '0',
      'ffmpeg',
      '-nostdin',
      '-hide_banner',
      '-benchmark',
      '-threads',
      '1',
      '-i',
      path,
      '-f',
      'null',
      '-',
    ],
    '/dev/null',
  );
  const bench = /bench: utime=([\d.]+)s stime=([\d.]+)s rtime=([\d.]+)s/.exec(stderr);
  const time = /time=(\d+):(\d+):([\d.]+)/g;
  const last = [...stderr.matchAll(time)].at(-1);
  return {
    wall: Number(bench?.[3]) * 1000,
    cpu: (Number(bench?.[1]) + Number(bench?.[2])) * 1000,
    seconds: last ? Number(last[1]) * 3600 + Number(last[2]) * 60 + Number(last[3]) : Number.NaN,
  };
}

ensureTools({ sox: 'sox', lame: 'lame', ffmpeg: 'ffmpeg', 'espeak-ng': 'espeak-ng' });
mkdirSync(CACHE, { recursive: true });
const set = SETS[SET];
if (!set) throw new Error(`PROBE_CLI_SET must be one of ${Object.keys(SETS).join(', ')}`);
const masters = makeFiles(SET, set.lame);
console.log(
  `\nprobe-cli (${set.label}): podwire probe --json, marginal cost per file (${COPIES} copies once vs ${PASSES} times,` +
    ` median of ${RUNS}), vs ffmpeg -threads 1 -f null decode (its -benchmark times, median of 5 copies); both taskset -c 0\n`,
);
for (const rate of RATES) {
  const files = freshCopies(masters[rate] as string);
  const size = statSync(files[0] as string).size;
  const cli = cliPerFile(files);
  const read = readAlone(files);
  const decodes = files.slice(0, 5).map(ffmpegDecode);
  const decode = { wall: median(decodes.map((d) => d.wall)), cpu: median(decodes.map((d) => d.cpu)) };
  const first = cli.rows[0] as {
    durationSeconds: number;
    durationMethod: string;
    codec: string;
    bytesRead: number;
  };
  const bad = cli.rows.filter((r) => r.error !== undefined || r.durationSeconds !== first.durationSeconds);
  if (bad.length > 0)
    throw new Error(`${rate} Hz: ${bad.length} rows differ or failed: ${JSON.stringify(bad[0])}`);
  for (const file of files) rmSync(file);
  const range = `${Math.min(...cli.pairSlopes).toFixed(2)}-${Math.max(...cli.pairSlopes).toFixed(2)}`;
  console.log(
    `${String(rate).padStart(5)} Hz ${first.codec}, ${(size / 1048576).toFixed(1)} MB, ${first.durationSeconds.toFixed(3)} s by ${first.durationMethod} (ffmpeg decodes ${decodes[0]?.seconds.toFixed(2)} s), read ${(first.bytesRead / 1048576).toFixed(1)} MB`,
  );
  console.log(
    `  podwire probe  wall ${cli.wall.toFixed(2).padStart(6)} ms/file (runs ${range})  cpu ${cli.cpu.toFixed(2).padStart(6)} ms/file  [start-up + ${COPIES} files: ${cli.startWall.toFixed(0)} ms]`,
  );
  console.log(
    `  reading alone  wall ${read.toFixed(2).padStart(6)} ms/file (the floor: ${((read / cli.wall) * 100).toFixed(0)}% of the probe)`,
  );
  console.log(
    `  ffmpeg decode  wall ${decode.wall.toFixed(1).padStart(6)} ms/file                  cpu ${decode.cpu.toFixed(1).padStart(6)} ms/file`,
  );
  console.log(
    `  speed-up       wall ${(decode.wall / cli.wall).toFixed(0).padStart(6)}x                         cpu ${(decode.cpu / cli.cpu).toFixed(0).padStart(6)}x\n`,
  );
}
