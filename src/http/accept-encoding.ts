// negotiateEncoding: which content coding to send, from Accept-Encoding (RFC 9110 §12.5.3), via negotiator.
import Negotiator from 'negotiator';

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
