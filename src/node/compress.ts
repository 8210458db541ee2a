// compressNode: gzip and brotli on Node's zlib, off the event loop, for the rendered-feed cache.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { ContentCoding } from '../http/accept-encoding.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Brotli at quality 9 and gzip at level 9: each body is compressed once per catalogue version and
 * then served many times, so the smaller output is worth the extra milliseconds.
 */
export async function compressNode(body: Uint8Array, coding: ContentCoding): Promise<Uint8Array> {
  const out =
    coding === 'br'
      ? await brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 9,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        })
      : await gz(body, { level: 9 });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
