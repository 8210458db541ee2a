// Range requests (RFC 9110 §14): what a Range header asks of a representation of known size.
import { combineRanges, parse } from 'range-parser';

export interface ByteRange {
  /** First byte, inclusive. */
  readonly start: number;
  /** Last byte, inclusive. */
  readonly end: number;
}

export type RangeRequest =
  /** No usable Range header: send the whole representation (200). */
  | { readonly kind: 'whole' }
  /** Nothing asked for overlaps the representation: 416 with `Content-Range: bytes *\/size`. */
  | { readonly kind: 'unsatisfiable' }
  /** 206: one range, or several sent as multipart/byteranges. */
  | { readonly kind: 'partial'; readonly ranges: readonly ByteRange[] };

/** More ranges than this (after merging overlaps) are answered with the whole body, as RFC 9110 §14.2 allows. */
export const MAX_RANGES = 16;

/**
 * Interprets `header` against `size`. Parsing is range-parser's (jshttp, used by express and send);
 * this adds the policy: only `bytes`; a malformed header is ignored (RFC 9110 §14.2: "MAY ignore");
 * satisfiable parts of a partly unsatisfiable set are served; overlapping and adjacent ranges merge.
 */
export function interpretRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined || header.trim() === '') return { kind: 'whole' };
  const result = parse(size, header);
  if (result.type !== 'bytes' || (result.code & 1) !== 0) return { kind: 'whole' };
  if (result.ranges.length === 0) return { kind: 'unsatisfiable' };
  const ranges = combineRanges(result.ranges).map(({ start, end }) => ({ start, end }));
  if (ranges.length > MAX_RANGES) return { kind: 'whole' };
  return { kind: 'partial', ranges };
}

/** `bytes 0-99/1234` */
export function contentRange(range: ByteRange, size: number): string {
  return `bytes ${range.start}-${range.end}/${size}`;
}
