import { describe, expect, it } from 'vitest';
import { createBlockReader } from '../../src/audio/block-reader.ts';
import type { RandomAccessReader } from '../../src/media-store/media-store.ts';

const BLOCK = 64 * 1024;

/** A file of `size` bytes (byte i is i * 7 mod 251) that logs each read it serves. */
function loggingSource(
  size: number,
  options: { readInto?: boolean; fail?: (offset: number) => boolean } = {},
) {
  const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 7) % 251);
  const log: string[] = [];
  const serve = (offset: number, length: number) => {
    if (options.fail?.(offset)) throw new Error(`disk error at ${offset}`);
    return bytes.subarray(offset, Math.min(offset + length, size));
  };
  const source: RandomAccessReader = {
    size,
    async read(offset, length) {
      log.push(`read ${offset} ${length}`);
      return serve(offset, length).slice();
    },
    close: async () => {},
  };
  if (options.readInto !== false) {
    source.readInto = async (target, offset) => {
      log.push(`readInto ${offset} ${target.byteLength}`);
      const part = serve(offset, target.byteLength);
      target.set(part);
      return part.byteLength;
    };
  }
  return { bytes, log, source };
}

describe('createBlockReader', () => {
  it('serves small reads from one fetched block, each a fresh copy', async () => {
    const { bytes, log, source } = loggingSource(200_000);
    const reader = createBlockReader(source);
    expect(await reader.read(10, 4)).toEqual(bytes.slice(10, 14));
    const second = await reader.read(100, 64);
    expect(second).toEqual(bytes.slice(100, 164));
    second.fill(0); // a caller scribbling on its copy changes nothing cached
    expect(await reader.read(100, 64)).toEqual(bytes.slice(100, 164));
    expect(log).toEqual([`readInto 0 ${BLOCK}`]);
    expect(reader.bytesRead).toBe(BLOCK);
    reader.release();
  });

  it('joins reads across block edges, and stops at the end of the file', async () => {
    const { bytes, log, source } = loggingSource(150_000);
    const reader = createBlockReader(source);
    expect(await reader.read(BLOCK - 3, 10)).toEqual(bytes.slice(BLOCK - 3, BLOCK + 7));
    expect(await reader.read(149_990, 100)).toEqual(bytes.slice(149_990));
    expect(await reader.read(150_000, 10)).toEqual(new Uint8Array(0));
    expect(await reader.read(2 * BLOCK - 1, 2)).toEqual(bytes.slice(2 * BLOCK - 1, 2 * BLOCK + 1));
    expect(log).toEqual([
      `readInto 0 ${BLOCK}`,
      `readInto ${BLOCK} ${BLOCK}`,
      `readInto ${2 * BLOCK} ${BLOCK}`,
    ]);
    expect(reader.bytesRead).toBe(150_000);
    reader.release();
  });

  it('fetches a block once for reads made while it is being fetched', async () => {
    const { bytes, log, source } = loggingSource(100_000);
    const reader = createBlockReader(source);
    const reads = await Promise.all([reader.read(0, 10), reader.read(20, 10), reader.read(40, 10)]);
    expect(reads).toEqual([bytes.slice(0, 10), bytes.slice(20, 30), bytes.slice(40, 50)]);
    expect(log).toEqual([`readInto 0 ${BLOCK}`]);
    reader.release();
  });

  it('reads large ranges straight through, and keeps at most maxBlocks blocks (least recently used go)', async () => {
    const { bytes, log, source } = loggingSource(12 * BLOCK);
    const reader = createBlockReader(source, { maxBlocks: 2 });
    expect(await reader.read(5, 3 * BLOCK)).toEqual(bytes.slice(5, 5 + 3 * BLOCK));
    expect(log).toEqual([`read 5 ${3 * BLOCK}`]);
    log.length = 0;
    await reader.read(0, 1); // block 0
    await reader.read(BLOCK, 1); // block 1
    await reader.read(0, 1); // block 0 again: now the most recent
    await reader.read(2 * BLOCK, 1); // block 2 evicts block 1
    await reader.read(0, 1); // still cached
    await reader.read(BLOCK, 1); // fetched again
    expect(log).toEqual([
      `readInto 0 ${BLOCK}`,
      `readInto ${BLOCK} ${BLOCK}`,
      `readInto ${2 * BLOCK} ${BLOCK}`,
      `readInto ${BLOCK} ${BLOCK}`,
    ]);
    reader.release();
  });

  it('works over a source without readInto', async () => {
    const { bytes, log, source } = loggingSource(100_000, { readInto: false });
    const reader = createBlockReader(source, { blockSize: 4096 });
    expect(await reader.read(4090, 10)).toEqual(bytes.slice(4090, 4100));
    expect(await reader.read(4095, 2)).toEqual(bytes.slice(4095, 4097));
    const target = new Uint8Array(5);
    expect(await reader.readInto(target, 99_998)).toBe(2);
    expect([...target.subarray(0, 2)]).toEqual([...bytes.slice(99_998)]);
    expect(log).toEqual(['read 0 4096', 'read 4096 4096', 'read 99998 5']);
    expect(reader.bytesRead).toBe(4096 + 4096 + 2);
  });

  it('passes a failed fetch on to every read of that block', async () => {
    const { source } = loggingSource(3 * BLOCK, { fail: (offset) => offset === BLOCK });
    const reader = createBlockReader(source);
    await expect(reader.read(BLOCK + 5, 4)).rejects.toThrow(`disk error at ${BLOCK}`);
    await expect(reader.read(BLOCK + 9, 4)).rejects.toThrow(`disk error at ${BLOCK}`);
    expect(await reader.read(5, 4)).toHaveLength(4);
    reader.release();
  });

  it('hands its blocks to later readers, which never see the earlier file', async () => {
    const first = loggingSource(100_000);
    const a = createBlockReader(first.source);
    await a.read(0, 10);
    a.release();
    const second = loggingSource(50_000);
    second.bytes.reverse();
    const b = createBlockReader({
      ...second.source,
      read: async (o, l) => second.bytes.slice(o, o + l),
      readInto: async (t, o) => {
        const part = second.bytes.subarray(o, o + t.byteLength);
        t.set(part);
        return part.byteLength;
      },
    });
    expect(await b.read(49_990, 20)).toEqual(second.bytes.slice(49_990));
    expect(await b.read(0, 10)).toEqual(second.bytes.slice(0, 10));
    b.release();
  });
});
