// RandomAccessReaders over bytes in memory, for probe tests: a whole file, or a synthetic huge one.
import { readFile } from 'node:fs/promises';
import type { RandomAccessReader } from '../../src/media-store/media-store.ts';

export const AUDIO_FIXTURES = new URL('../fixtures/audio/', import.meta.url);

export function bytesReader(bytes: Uint8Array): RandomAccessReader & { reads: number } {
  const reader = {
    size: bytes.byteLength,
    reads: 0,
    async read(offset: number, length: number) {
      reader.reads++;
      return bytes.slice(offset, Math.min(offset + length, bytes.byteLength));
    },
    close: async () => {},
  };
  return reader;
}

export async function fixtureBytes(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(name, AUDIO_FIXTURES)));
}

export async function fixtureReader(name: string) {
  return bytesReader(await fixtureBytes(name));
}

/**
 * A reader of `size` bytes: `head` followed by `unit` repeated forever. Reads return views of one
 * shared buffer, so a 2 GB "file" costs a few MB.
 */
export function repeatingReader(head: Uint8Array, unit: Uint8Array, size: number): RandomAccessReader {
  const copies = Math.ceil((4 * 1024 * 1024) / unit.byteLength) + 2;
  const pattern = new Uint8Array(copies * unit.byteLength);
  for (let i = 0; i < copies; i++) pattern.set(unit, i * unit.byteLength);
  return {
    size,
    async read(offset, length) {
      const end = Math.min(offset + length, size);
      if (end <= offset) return new Uint8Array(0);
      if (offset < head.byteLength) {
        const out = new Uint8Array(end - offset);
        for (let i = 0; i < out.byteLength; i++) {
          const at = offset + i;
          out[i] =
            at < head.byteLength
              ? (head[at] as number)
              : (unit[(at - head.byteLength) % unit.byteLength] as number);
        }
        return out;
      }
      const phase = (offset - head.byteLength) % unit.byteLength;
      if (phase + (end - offset) > pattern.byteLength) throw new Error('read larger than the test pattern');
      return pattern.subarray(phase, phase + (end - offset));
    },
    close: async () => {},
  };
}

/** `parts` one after another, in one array. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
