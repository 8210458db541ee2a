// negotiateEncoding: which content coding to send, from Accept-Encoding (RFC 9110 §12.5.3), via negotiator.
import Negotiator from 'negotiator';
import { boundedMemo } from './bounded-memo.ts';

export type ContentCoding = 'br' | 'gzip';

/** negotiator supports a server preference for ties; its published types predate the option. */
type EncodingsWithPreference = (
  available: readonly string[],
  options: { preferred: readonly string[] },
) => string[];

/**
 * The best coding both sides accept, brotli winning ties, or undefined for identity. Only codings in
 * `available` are offered (none where the platform compresses, as on Workers).
 */
export function negotiateEncoding(
  acceptEncoding: string | undefined,
  available: readonly ContentCoding[],
): ContentCoding | undefined {
  if (!acceptEncoding || available.length === 0) return undefined;
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } });
  const encodings = negotiator.encodings.bind(negotiator) as unknown as EncodingsWithPreference;
  return encodings(available, { preferred: ['br', 'gzip'] })[0] as ContentCoding | undefined;
}

/**
 * negotiateEncoding over fixed `available` codings, with each answer remembered per Accept-Encoding
 * value: clients send a handful of distinct values, and negotiator parses the header afresh each time.
 */
export function createEncodingNegotiator(
  available: readonly ContentCoding[],
): (acceptEncoding: string | undefined) => ContentCoding | undefined {
  const negotiate = boundedMemo((value) => negotiateEncoding(value, available), {
    maxEntries: 256,
    maxKeyLength: 256,
  });
  return function negotiateRemembered(acceptEncoding) {
    return acceptEncoding ? negotiate(acceptEncoding) : undefined;
  };
}
