// The UploadStaging contract (tus uploads): every store (memory, folder, R2) must pass these same tests.
import { describe, expect, it } from 'vitest';
import { GoneError } from '../../src/errors.ts';
import type {
  AppendOptions,
  MediaStore,
  StagedUpload,
  StagingState,
} from '../../src/media-store/media-store.ts';
import { sha256Hex } from '../../src/media-store/sha256.ts';

export interface StagingSubject {
  readonly store: MediaStore;
  /** The store's part size (R2), or any small size: the tests cross it several times. */
  readonly unit: number;
  /** Whatever the store still holds for staged uploads (its temporary objects or files). */
  leftovers(): Promise<string[]>;
}

/** Bytes that differ at every position (so a part in the wrong place shows). */
function pattern(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed * 7 + (i >> 8)) & 0xff;
  return bytes;
}

function join(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** A body that delivers `bytes` in chunks of `chunk`, then ends or (with `fail`) breaks off. */
function bodyOf(bytes: Uint8Array, chunk = 64 * 1024, fail = false): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.byteLength) {
        if (fail) controller.error(new Error('client went away'));
        else controller.close();
        return;
      }
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
}

async function keys(store: MediaStore): Promise<string[]> {
  const out: string[] = [];
  for await (const info of store.list()) out.push(info.key);
  return out;
}

/** A caller that records every checkpoint, as the tus use case does. */
function recorder(id: string) {
  let recorded: StagedUpload = { id, size: 0, state: {} };
  const checkpoints: number[] = [];
  const options = (maxBytes: number, pick: AppendOptions['pick'] = async () => 'up/file.bin') => ({
    maxBytes,
    pick,
    checkpoint: async (size: number, state: StagingState) => {
      checkpoints.push(size);
      recorded = { id, size, state };
    },
  });
  return {
    get recorded() {
      return recorded;
    },
    record(size: number, state: StagingState) {
      recorded = { id, size, state };
    },
    checkpoints,
    options,
  };
}

const naming = (key: string, onCommit: (key: string) => Promise<void> = async () => {}) => ({
  pick: async () => key,
  beforeCommit: onCommit,
});

export function uploadStagingContract(name: string, makeSubject: () => Promise<StagingSubject>) {
  describe(`UploadStaging contract: ${name}`, () => {
    it('appends uneven pieces over several calls and completes them into one object, atomically', async () => {
      const { store, unit, leftovers } = await makeSubject();
      const whole = pattern(unit * 2 + unit / 2 + 7, 1);
      const caller = recorder('upload0001');
      const cuts = [0, Math.floor(unit * 0.7), Math.floor(unit * 2.1) + 3, whole.byteLength];
      for (let i = 0; i + 1 < cuts.length; i++) {
        const piece = whole.subarray(cuts[i], cuts[i + 1]);
        const result = await store.staging.append(
          caller.recorded,
          bodyOf(piece, 100_003),
          caller.options(Infinity),
        );
        expect(result).toMatchObject({ size: cuts[i + 1], overflow: false });
        expect(result.interrupted).toBeUndefined();
        caller.record(result.size, result.state);
      }
      expect(caller.checkpoints).toEqual([...caller.checkpoints].sort((a, b) => a - b));
      expect(await keys(store)).toEqual([]);
      let headSeen: Uint8Array | undefined;
      let visibleBeforeCommit: unknown = 'not called';
      const stored = await store.staging.complete(caller.recorded, {
        pick: async (head) => {
          headSeen = await head.read(0, 16);
          expect(head.size).toBeGreaterThanOrEqual(Math.min(whole.byteLength, 1024 * 1024));
          return 'uploads/whole-1234abcd.bin';
        },
        beforeCommit: async (key) => {
          visibleBeforeCommit = await store.stat(key);
        },
      });
      // Stores that fix the key early (R2 multipart) picked it during an append, from the same head.
      if (headSeen) expect([...headSeen]).toEqual([...whole.subarray(0, 16)]);
      expect(visibleBeforeCommit).toBeUndefined();
      expect(stored.size).toBe(whole.byteLength);
      expect(stored.sha256).toBe(await sha256Hex(whole));
      const back = new Uint8Array(await new Response((await store.get(stored.key))!.body).arrayBuffer());
      expect(back.byteLength).toBe(whole.byteLength);
      expect(Buffer.compare(back, whole)).toBe(0);
      expect(await keys(store)).toEqual([stored.key]);
      expect(await leftovers()).toEqual([]);
    });

    it('keeps what arrived when the body breaks off, and resumes from there', async () => {
      const { store, unit, leftovers } = await makeSubject();
      const whole = pattern(unit + unit / 2, 2);
      const caller = recorder('upload0002');
      const first = whole.subarray(0, unit + 1000);
      const cut = await store.staging.append(
        caller.recorded,
        bodyOf(first, 50_000, true),
        caller.options(Infinity),
      );
      expect(cut.interrupted).toBeInstanceOf(Error);
      expect(cut.size).toBe(first.byteLength);
      caller.record(cut.size, cut.state);
      const rest = await store.staging.append(
        caller.recorded,
        bodyOf(whole.subarray(cut.size)),
        caller.options(Infinity),
      );
      caller.record(rest.size, rest.state);
      const stored = await store.staging.complete(caller.recorded, naming('uploads/resumed-1234abcd.bin'));
      expect(stored.sha256).toBe(await sha256Hex(whole));
      expect(await leftovers()).toEqual([]);
    });

    it('continues from the last recorded size when an append was not recorded (a crash)', async () => {
      const { store, unit } = await makeSubject();
      const caller = recorder('upload0003');
      const a = pattern(unit - 10, 3);
      const b = pattern(unit * 2, 4);
      const c = pattern(unit + 50, 5);
      const first = await store.staging.append(caller.recorded, bodyOf(a), caller.options(Infinity));
      caller.record(first.size, first.state);
      // b's own result is lost: only the checkpoints it reported on the way were recorded.
      await store.staging.append(caller.recorded, bodyOf(b), caller.options(Infinity));
      const from = caller.recorded.size;
      const ab = join(a, b);
      const last = await store.staging.append(caller.recorded, bodyOf(c), caller.options(Infinity));
      caller.record(last.size, last.state);
      const expected = join(ab.subarray(0, from), c);
      const stored = await store.staging.complete(caller.recorded, naming('uploads/crash-1234abcd.bin'));
      expect(stored.size).toBe(expected.byteLength);
      expect(stored.sha256).toBe(await sha256Hex(expected));
    });

    it('stores no byte past maxBytes and says the body was longer', async () => {
      const { store } = await makeSubject();
      const caller = recorder('upload0004');
      const result = await store.staging.append(
        caller.recorded,
        bodyOf(pattern(25, 6), 7),
        caller.options(10),
      );
      expect(result).toMatchObject({ size: 10, overflow: true });
      caller.record(result.size, result.state);
      const stored = await store.staging.complete(caller.recorded, naming('uploads/cut-1234abcd.bin'));
      expect(stored.sha256).toBe(await sha256Hex(pattern(25, 6).subarray(0, 10)));
    });

    it('leaves nothing behind when the upload is refused and discarded', async () => {
      const { store, unit, leftovers } = await makeSubject();
      const caller = recorder('upload0005');
      const refuse = async () => {
        throw new Error('not audio');
      };
      // Large enough that stores picking the key early (R2) refuse it during the append.
      const refused = await store.staging
        .append(caller.recorded, bodyOf(pattern(unit + 5, 7)), caller.options(Infinity, refuse))
        .then((result) => {
          caller.record(result.size, result.state);
          return store.staging.complete(caller.recorded, { pick: refuse, beforeCommit: async () => {} });
        })
        .catch((error: unknown) => error);
      expect((refused as Error).message).toBe('not audio');
      await store.staging.discard(caller.recorded);
      expect(await keys(store)).toEqual([]);
      expect(await leftovers()).toEqual([]);
    }, 60_000);

    it('answers Gone for staged bytes it does not have, and discards idempotently', async () => {
      const { store, leftovers } = await makeSubject();
      const caller = recorder('upload0006');
      const missing = { id: 'upload0006', size: 5, state: {} };
      await expect(
        store.staging.append(missing, bodyOf(pattern(3, 8)), caller.options(Infinity)),
      ).rejects.toThrow(GoneError);
      await expect(store.staging.complete(missing, naming('uploads/x-1234abcd.bin'))).rejects.toThrow(
        GoneError,
      );
      await store.staging.discard(missing);
      await store.staging.discard(missing);
      expect(await leftovers()).toEqual([]);
    });
  });
}
