// readUploadStart: enough of an upload's first bytes to tell what it is, with the rest still streaming.
import { PayloadTooLargeError } from '../../errors.ts';

export interface UploadStart {
  /** The bytes read so far. */
  readonly head: Uint8Array;
  /** True when the body ended within `head`. */
  readonly complete: boolean;
  /** The whole body again: `head` followed by what was not read yet. */
  readonly body: ReadableStream<Uint8Array>;
}

/** Reads until at least `wanted` bytes (or the end), refusing bodies that pass `maxBytes` meanwhile. */
export async function readUploadStart(
  source: ReadableStream<Uint8Array>,
  wanted: (head: Uint8Array) => number,
  maxBytes: number,
): Promise<UploadStart> {
  const reader = source.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let complete = false;
  let head: Uint8Array = new Uint8Array(0);
  for (;;) {
    if (length >= wanted(head)) break;
    const { done, value } = await reader.read();
    if (done) {
      complete = true;
      break;
    }
    chunks.push(value);
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(`the upload is larger than the limit of ${maxBytes} bytes`);
    }
    head = concat(chunks, length);
  }
  head = concat(chunks, length);
  let sentHead = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentHead) {
        sentHead = true;
        if (head.byteLength > 0) {
          controller.enqueue(head);
          return;
        }
      }
      if (complete) {
        controller.close();
        return;
      }
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { head, complete, body };
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Bytes needed to see past a leading ID3v2 tag and into the audio (the tag's size plus 64 KiB). */
export function audioSniffLength(head: Uint8Array): number {
  const base = 64 * 1024;
  if (head.byteLength < 10 || head[0] !== 0x49 || head[1] !== 0x44 || head[2] !== 0x33) return base;
  const size = [6, 7, 8, 9].reduce((n, i) => n * 128 + ((head[i] as number) & 0x7f), 0);
  return 10 + size + base;
}
