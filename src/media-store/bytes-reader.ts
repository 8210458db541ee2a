// bytesReader: a RandomAccessReader over bytes already in memory (an upload's first bytes, a small staged file).
import type { RandomAccessReader } from './media-store.ts';

export function bytesReader(bytes: Uint8Array): RandomAccessReader {
  return {
    size: bytes.byteLength,
    read: async (offset, length) => bytes.subarray(offset, Math.min(offset + length, bytes.byteLength)),
    close: async () => {},
  };
}

/** The chunks as one array (the first one itself when there is only one). */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
