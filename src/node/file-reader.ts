// openFileReader(path) and probeFile(path): random access to a local file, and probing it, on Node.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { type AudioProbe, probeAudio } from '../audio/probe.ts';
import type { RandomAccessReader } from '../media-store/media-store.ts';

/** A RandomAccessReader over a file handle; close it when done. */
export async function openFileReader(path: string): Promise<RandomAccessReader> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  const readInto = async (target: Uint8Array, offset: number) => {
    const want = Math.max(0, Math.min(target.byteLength, size - offset));
    let filled = 0;
    while (filled < want) {
      const { bytesRead } = await handle.read(target, filled, want - filled, offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled;
  };
  return {
    size,
    async read(offset, length) {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      const filled = await readInto(buffer, offset);
      return filled === buffer.byteLength ? buffer : buffer.subarray(0, filled);
    },
    readInto,
    close: () => handle.close(),
  };
}

/**
 * A RandomAccessReader whose reads block the thread (readSync), for a tool that probes one file at
 * a time (`podwire probe`): a header-less MP3 is read whole, and a thread-pool round trip per read
 * and per open, stat and close costs more there than the reads themselves. Not for the server.
 */
export function openBlockingFileReader(path: string): RandomAccessReader {
  const fd = openSync(path, 'r');
  let size: number;
  try {
    size = fstatSync(fd).size;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  // Methods, not arrow functions in constants: the CLI runs through tsx, which names each such
  // function as it is made (Object.defineProperty), a cost paid per file.
  return {
    size,
    async read(offset, length) {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      const filled = fillFrom(fd, size, buffer, offset);
      return filled === buffer.byteLength ? buffer : buffer.subarray(0, filled);
    },
    async readInto(target, offset) {
      return fillFrom(fd, size, target, offset);
    },
    async close() {
      closeSync(fd);
    },
  };
}

/** Fills `target` from `offset` of the file `fd` of `size` bytes; returns the bytes read. */
function fillFrom(fd: number, size: number, target: Uint8Array, offset: number): number {
  const want = Math.max(0, Math.min(target.byteLength, size - offset));
  let filled = 0;
  while (filled < want) {
    const n = readSync(fd, target, filled, want - filled, offset + filled);
    if (n === 0) break;
    filled += n;
  }
  return filled;
}

/** Probes the audio file at `path` (the convenience `podwire probe` uses), with blocking reads. */
export async function probeFile(path: string): Promise<AudioProbe> {
  const reader = openBlockingFileReader(path);
  try {
    return await probeAudio(reader, { name: basename(path) });
  } finally {
    await reader.close();
  }
}
