// multipart/byteranges bodies (RFC 9110 §14.6): several ranges of one representation in one 206 response.
import { type ByteRange, contentRange } from './byte-ranges.ts';

export interface MultipartPlan {
  readonly contentType: string;
  readonly contentLength: number;
  /** Streams the parts, asking `readRange` for each range's bytes in turn. */
  body(readRange: (range: ByteRange) => Promise<ReadableStream<Uint8Array>>): ReadableStream<Uint8Array>;
}

const encoder = new TextEncoder();

/** Lays out the parts; the boundary is given so the length can be known before streaming. */
export function planMultipart(
  ranges: readonly ByteRange[],
  size: number,
  partType: string,
  boundary: string,
): MultipartPlan {
  const heads = ranges.map((range, i) =>
    encoder.encode(
      `${i === 0 ? '' : '\r\n'}--${boundary}\r\nContent-Type: ${partType}\r\nContent-Range: ${contentRange(range, size)}\r\n\r\n`,
    ),
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const contentLength =
    heads.reduce((n, h) => n + h.byteLength, 0) +
    ranges.reduce((n, r) => n + (r.end - r.start + 1), 0) +
    tail.byteLength;
  return {
    contentType: `multipart/byteranges; boundary=${boundary}`,
    contentLength,
    body(readRange) {
      let index = 0;
      let current: ReadableStreamDefaultReader<Uint8Array> | undefined;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          for (;;) {
            if (current) {
              const { done, value } = await current.read();
              if (!done) {
                controller.enqueue(value);
                return;
              }
              current = undefined;
              index++;
            }
            if (index >= ranges.length) {
              controller.enqueue(tail);
              controller.close();
              return;
            }
            controller.enqueue(heads[index] as Uint8Array);
            current = (await readRange(ranges[index] as ByteRange)).getReader();
            return;
          }
        },
        async cancel(reason) {
          await current?.cancel(reason);
        },
      });
    },
  };
}
