import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeAudio } from '../../src/audio/probe.ts';
import { probeFile } from '../../src/node/file-reader.ts';
import { AUDIO_FIXTURES, bytesReader } from '../helpers/byte-reader.ts';
import { ensureSystemTools } from '../helpers/system-tools.ts';
import { tempDirs } from '../helpers/temp-dir.ts';

// The first minute of real files made by sox, lame and ffmpeg, against ffprobe's own packet table:
// the threshold is the end (pos + size) of the packet in which gapless playback reaches 60 s, plus
// the moov of an MP4 that keeps it after the media data. Files of 64 s, made once per run.
// Needs sox, lame and ffmpeg: installed with apt-get when missing (ensureSystemTools).

const newDir = tempDirs();
let dir = '';
const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: dir, stdio: 'pipe' });
const path = (name: string) => join(dir, name);

const MP3_RATES = [
  { khz: '8', rate: 8000, cbr: '8' },
  { khz: '16', rate: 16000, cbr: '24' },
  { khz: '22.05', rate: 22050, cbr: '32' },
  { khz: '44.1', rate: 44100, cbr: '64' },
];

beforeAll(() => {
  ensureSystemTools({ sox: 'sox', lame: 'lame', ffmpeg: 'ffmpeg', ffprobe: 'ffmpeg' });
  dir = '';
  return newDir().then((made) => {
    dir = made;
    // Noise whose loudness swings, so that VBR frames differ in size.
    run('sox', [
      '-n',
      '-r',
      '44100',
      '-c',
      '1',
      'noise.wav',
      'synth',
      '64',
      'pinknoise',
      'tremolo',
      '1.5',
      '90',
    ]);
    for (const { khz, cbr } of MP3_RATES) {
      run('lame', ['--quiet', '-m', 'm', '--resample', khz, '-b', cbr, 'noise.wav', `cbr-${khz}.mp3`]);
      run('lame', [
        '--quiet',
        '-m',
        'm',
        '--resample',
        khz,
        '-b',
        cbr,
        '-t',
        'noise.wav',
        `cbr-${khz}-t.mp3`,
      ]);
      run('lame', ['--quiet', '-m', 'm', '--resample', khz, '-V', '6', 'noise.wav', `vbr-${khz}.mp3`]);
      run('lame', [
        '--quiet',
        '-m',
        'm',
        '--resample',
        khz,
        '-V',
        '6',
        '-t',
        'noise.wav',
        `vbr-${khz}-t.mp3`,
      ]);
    }
    // A large ID3v2 tag: a 600x600 noise picture as the cover (PNG: barely compressible).
    run('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'nullsrc=s=600x600,geq=random(1)*255:128:128',
      '-frames:v',
      '1',
      'cover.png',
    ]);
    run('ffmpeg', [
      '-v',
      'error',
      '-i',
      'vbr-44.1.mp3',
      '-i',
      'cover.png',
      '-map',
      '0',
      '-map',
      '1',
      '-c',
      'copy',
      '-id3v2_version',
      '3',
      '-disposition:v',
      'attached_pic',
      'artwork.mp3',
    ]);
    run('ffmpeg', ['-v', 'error', '-i', 'noise.wav', '-c:a', 'aac', '-b:a', '40k', 'moov-end.m4a']);
    run('ffmpeg', [
      '-v',
      'error',
      '-i',
      'noise.wav',
      '-c:a',
      'aac',
      '-b:a',
      '40k',
      '-movflags',
      '+faststart',
      'moov-first.m4a',
    ]);
    run('ffmpeg', ['-v', 'error', '-i', 'noise.wav', '-c:a', 'libopus', '-b:a', '16k', 'opus.opus']);
    run('ffmpeg', ['-v', 'error', '-i', 'noise.wav', '-c:a', 'libvorbis', '-q:a', '0', 'vorbis.ogg']);
    run('ffmpeg', ['-v', 'error', '-i', 'noise.wav', '-ar', '16000', '-c:a', 'flac', 'ffmpeg.flac']);
    run('sox', ['noise.wav', '-r', '16000', 'sox.flac']);
    run('sox', ['noise.wav', '-r', '8000', '-c', '2', '-b', '16', 'stereo.wav']);
  });
}, 120_000);

interface Packet {
  readonly pos: number;
  readonly size: number;
  /** Start, end and skipped samples in units of 1 / (time base denominator × sample rate): exact. */
  readonly start: bigint;
  readonly end: bigint;
  readonly skip: bigint;
}

interface PacketTable {
  readonly packets: readonly Packet[];
  readonly unitsPerSecond: bigint;
  readonly rate: number;
  readonly channels: number;
  readonly bits: number;
}

/** ffprobe's packet table of the audio stream, with times as exact integers. */
function packetsOf(file: string): PacketTable {
  const entries =
    'packet=pts,duration,pos,size:packet_side_data=skip_samples:stream=time_base,sample_rate,channels,bits_per_sample';
  const output = run('ffprobe', [
    ...['-v', 'error', '-select_streams', 'a:0', '-show_packets', '-show_streams'],
    ...['-show_entries', entries, '-of', 'json', file],
  ]);
  const json = JSON.parse(output.toString()) as {
    streams: { time_base: string; sample_rate: string; channels: number; bits_per_sample: number }[];
    packets: {
      pts: number;
      duration: number;
      pos: string;
      size: string;
      side_data_list?: { skip_samples?: number }[];
    }[];
  };
  const stream = json.streams[0];
  if (!stream) throw new Error(`ffprobe found no audio stream in ${file}`);
  const [num, den] = stream.time_base.split('/').map((n) => BigInt(n)) as [bigint, bigint];
  const rate = BigInt(stream.sample_rate);
  const packets = json.packets.map((p) => ({
    pos: Number(p.pos),
    size: Number(p.size),
    start: BigInt(p.pts) * num * rate,
    end: BigInt(p.pts + p.duration) * num * rate,
    skip: BigInt(p.side_data_list?.[0]?.skip_samples ?? 0) * den,
  }));
  return {
    packets,
    unitsPerSecond: den * rate,
    rate: Number(rate),
    channels: stream.channels,
    bits: stream.bits_per_sample,
  };
}

/**
 * The packet in which playback reaches 60 s, and its index. Playback starts at the first sample
 * the decoder outputs: the first packet's time plus the samples it skips (encoder delay, AAC
 * priming, Opus pre-skip), never before 0 (a Vorbis stream's first packet, timed before 0, yields
 * nothing).
 */
function minutePacket(table: PacketTable, file: string): { index: number; packet: Packet } {
  const first = table.packets[0];
  if (!first) throw new Error(`no packets in ${file}`);
  const start = first.start + first.skip > 0n ? first.start + first.skip : 0n;
  const target = start + 60n * table.unitsPerSecond;
  const index = table.packets.findIndex((p) => p.end >= target);
  const packet = table.packets[index];
  if (!packet) throw new Error(`${file} does not reach 60 s`);
  return { index, packet };
}

/** Top-level MP4 boxes (type, start, size), to know where the moov is. */
function topBoxes(bytes: Uint8Array): { type: string; start: number; size: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes = [];
  for (let at = 0; at + 8 <= bytes.byteLength; ) {
    let size = view.getUint32(at);
    if (size === 1) size = Number(view.getBigUint64(at + 8));
    if (size === 0) size = bytes.byteLength - at;
    boxes.push({ type: String.fromCharCode(...bytes.subarray(at + 4, at + 8)), start: at, size });
    at += size;
  }
  return boxes;
}

/**
 * Ogg: the end of the page on which the packet in which playback reaches 60 s completes. Pages
 * are read here (RFC 3533 §6): each lacing value below 255 ends a packet; ffprobe lists the audio
 * packets only, after `headers` header packets.
 */
function oggPageEnd(bytes: Uint8Array, packetIndex: number, headers: number): number {
  let completed = 0;
  for (let at = 0; at + 27 <= bytes.byteLength; ) {
    const segments = bytes[at + 26] as number;
    const lacing = bytes.subarray(at + 27, at + 27 + segments);
    const end = at + 27 + segments + lacing.reduce((n, l) => n + l, 0);
    completed += lacing.filter((l) => l < 255).length;
    if (completed > headers + packetIndex) return end;
    at = end;
  }
  throw new Error('packet not found in the pages');
}

const fileBytes = (name: string) => new Uint8Array(readFileSync(path(name)));

describe('AudioProbe.minuteBytes against ffprobe', () => {
  const mp3s = MP3_RATES.flatMap(({ khz }) => [
    [`cbr-${khz}.mp3`, 'CBR with an Info header'],
    [`cbr-${khz}-t.mp3`, 'CBR without a header'],
    [`vbr-${khz}.mp3`, 'VBR with a Xing header'],
    [`vbr-${khz}-t.mp3`, 'VBR without a header'],
  ]);
  it.each([...mp3s, ['artwork.mp3', 'VBR with a 500 KB ID3v2 tag (artwork)']])(
    'MP3 %s (%s): the end of the frame in which playback reaches 60 s',
    async (name) => {
      const { packet } = minutePacket(packetsOf(path(name)), name);
      const probe = await probeFile(path(name));
      expect(probe.durationSeconds).toBeGreaterThan(60);
      expect(probe.minuteBytes).toBe(packet.pos + packet.size);
      expect(probe.warnings).toEqual([]);
    },
  );

  it('MP3 with artwork: the tag counts, as it comes before the audio', async () => {
    const probe = await probeFile(path('artwork.mp3'));
    const plain = await probeFile(path('vbr-44.1.mp3'));
    const tag = statSync(path('artwork.mp3')).size - statSync(path('vbr-44.1.mp3')).size;
    expect(tag).toBeGreaterThan(400_000);
    // same frames (copied), only the tag in front differs; ffmpeg rewrites the Xing frame
    expect(probe.minuteBytes).toBeGreaterThan(plain.minuteBytes + 400_000);
  });

  it.each([
    ['moov-first.m4a', false],
    ['moov-end.m4a', true],
  ])(
    'M4A %s: the end of the sample in which playback reaches 60 s, plus a moov at the end',
    async (name, moovLast) => {
      const { packet } = minutePacket(packetsOf(path(name)), name);
      const moov = topBoxes(fileBytes(name)).find((b) => b.type === 'moov');
      if (!moov) throw new Error('no moov');
      expect(moov.start > packet.pos).toBe(moovLast);
      const probe = await probeFile(path(name));
      expect(probe.minuteBytes).toBe(packet.pos + packet.size + (moovLast ? moov.size : 0));
      expect(probe.warnings).toEqual([]);
    },
  );

  it.each([
    ['opus.opus', 2],
    ['vorbis.ogg', 3],
  ])('Ogg %s: the end of the page on which the packet reaching 60 s completes', async (name, headers) => {
    const { index } = minutePacket(packetsOf(path(name)), name);
    const probe = await probeFile(path(name));
    expect(probe.minuteBytes).toBe(oggPageEnd(fileBytes(name), index, headers));
    expect(probe.warnings).toEqual([]);
  });

  it.each(['ffmpeg.flac', 'sox.flac'])(
    'FLAC %s: the end of the frame in which playback reaches 60 s',
    async (name) => {
      const { packet } = minutePacket(packetsOf(path(name)), name);
      const probe = await probeFile(path(name));
      expect(probe.minuteBytes).toBe(packet.pos + packet.size);
      expect(probe.warnings).toEqual([]);
    },
  );

  it('WAV: the header plus 60 s of whole sample frames', async () => {
    const table = packetsOf(path('stereo.wav'));
    const dataStart = table.packets[0]?.pos ?? 0;
    const probe = await probeFile(path('stereo.wav'));
    expect(probe.minuteBytes).toBe(dataStart + 60 * table.rate * table.channels * (table.bits / 8));
  });
});

describe('AudioProbe.minuteBytes of files of a minute or less', () => {
  const fixtures = readdirSync(AUDIO_FIXTURES).filter((name) =>
    /\.(mp3|m4a|ogg|opus|flac|wav|aiff)$/.test(name),
  );
  it.each(fixtures)('%s: the whole file', async (name) => {
    const probe = await probeFile(new URL(name, AUDIO_FIXTURES).pathname);
    expect(probe.durationSeconds).toBeLessThanOrEqual(60);
    expect(probe.minuteBytes).toBe(probe.sizeBytes);
  });
});

describe('AudioProbe.minuteBytes of damaged files', () => {
  it('an MP3 cut mid-frame before the minute: partial, and the whole of what is there', async () => {
    const bytes = fileBytes('vbr-44.1-t.mp3');
    const cut = bytes.subarray(0, Math.floor(bytes.byteLength / 2) + 7);
    const probe = await probeAudio(bytesReader(cut));
    expect(probe.partial).toBe(true);
    expect(probe.minuteBytes).toBe(cut.byteLength);
  });

  it('an MP3 with a Xing header cut mid-frame after the minute: still exact', async () => {
    const name = 'vbr-44.1.mp3';
    const { packet } = minutePacket(packetsOf(path(name)), name);
    const bytes = fileBytes(name);
    const cut = bytes.subarray(
      0,
      packet.pos + packet.size + Math.floor((bytes.byteLength - packet.pos) / 2) + 3,
    );
    const probe = await probeAudio(bytesReader(cut));
    expect(probe.partial).toBe(true);
    expect(probe.minuteBytes).toBe(packet.pos + packet.size);
  });

  it('an Ogg file with a damaged page before the minute: a proportional estimate, and a warning', async () => {
    const bytes = fileBytes('vorbis.ogg').slice();
    const page = new TextDecoder('latin1').decode(bytes).indexOf('OggS', Math.floor(bytes.byteLength / 3));
    bytes.set(new TextEncoder().encode('XXXX'), page);
    const probe = await probeAudio(bytesReader(bytes));
    expect(probe.minuteBytes).toBe(Math.ceil((bytes.byteLength * 60) / probe.durationSeconds));
    expect(probe.warnings.join(' ')).toMatch(/first minute .* estimated/);
  });

  it('a FLAC file whose frames after the first are garbage: an estimate, never a throw', async () => {
    const bytes = fileBytes('ffmpeg.flac').slice();
    const { packets } = packetsOf(path('ffmpeg.flac'));
    const second = packets[1]?.pos ?? 0;
    bytes.fill(0x55, second, Math.floor(bytes.byteLength / 2));
    const probe = await probeAudio(bytesReader(bytes));
    expect(probe.minuteBytes).toBeLessThanOrEqual(bytes.byteLength);
    expect(probe.warnings.join(' ')).toMatch(/first minute .* estimated/);
  });
});
