import { describe, expect, it } from 'vitest';
import { probeAudio } from '../../src/audio/probe.ts';
import { repeatingReader } from '../helpers/byte-reader.ts';

// MPEG-1 Layer III, 64 kbit/s, 44.1 kHz, mono, no padding: 208-byte frames of 1152 samples.
const HEADER = [0xff, 0xfb, 0x50, 0xc4];
const FRAME = 208;
const TWO_GB = 2 * 1024 * 1024 * 1024;

function audioFrame(): Uint8Array {
  const frame = new Uint8Array(FRAME);
  frame.set(HEADER);
  return frame;
}

/** An "Info" header frame (LAME's CBR header) declaring `frames` frames and `bytes` bytes. */
function infoFrame(frames: number, bytes: number): Uint8Array {
  const frame = audioFrame();
  const view = new DataView(frame.buffer);
  frame.set(new TextEncoder().encode('Info'), 21); // after the header and 17 bytes of mono side info
  view.setUint32(25, 3); // flags: frames and bytes present
  view.setUint32(29, frames);
  view.setUint32(33, bytes);
  return frame;
}

describe('probeAudio on a 2 GB file', () => {
  it('reads only the first minute of frames when the Info header can be trusted', async () => {
    const frames = Math.floor((TWO_GB - FRAME) / FRAME);
    const size = FRAME + frames * FRAME;
    const reader = repeatingReader(infoFrame(frames, size), audioFrame(), size);
    const probe = await probeAudio(reader);
    expect(probe.durationSeconds).toBeCloseTo((frames * 1152) / 44100, 6);
    expect(probe.durationMethod).toBe('info');
    // the frames up to the one in which 60 s are reached (no LAME tag: no delay) are walked, no more
    const minuteFrames = Math.ceil((60 * 44100) / 1152);
    expect(probe.minuteBytes).toBe(FRAME + minuteFrames * FRAME);
    expect(probe.bytesRead).toBeLessThan(minuteFrames * FRAME + 256 * 1024);
  });

  it('walks every frame of a header-less file exactly, in bounded memory', async () => {
    const frames = Math.floor(TWO_GB / FRAME);
    const reader = repeatingReader(new Uint8Array(0), audioFrame(), frames * FRAME);
    globalThis.gc?.();
    const before = process.memoryUsage();
    const probe = await probeAudio(reader);
    const after = process.memoryUsage();
    expect(probe.durationMethod).toBe('frame-walk');
    expect(Math.round(probe.durationSeconds * 44100)).toBe(frames * 1152);
    expect(probe.durationText).toBe('74:55:00'); // 10,324,440 frames of 1152 samples at 44.1 kHz
    // the walk reads each byte at most once (plus a block or two for tags and sync); it skips the
    // bodies of frames that straddle its chunks, so a little less than the whole file
    expect(probe.bytesRead).toBeGreaterThan(frames * FRAME * 0.99);
    expect(probe.bytesRead).toBeLessThan(frames * FRAME + 2 * 1024 * 1024);
    // nothing proportional to the file is kept: far less than its 2 GB
    expect(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers).toBeLessThan(
      64 * 1024 * 1024,
    );
  });

  it('marks a file cut short after its Info header as partial and measures what is there', async () => {
    const declared = 10_000;
    const present = 4_000;
    const reader = repeatingReader(
      infoFrame(declared, FRAME * (declared + 1)),
      audioFrame(),
      FRAME * (present + 1) + 100,
    );
    const probe = await probeAudio(reader);
    expect(probe.partial).toBe(true);
    expect(probe.durationMethod).toBe('frame-walk');
    expect(Math.round(probe.durationSeconds * 44100)).toBe(present * 1152);
    expect(probe.warnings.join(' ')).toMatch(/truncated/);
  });
});
