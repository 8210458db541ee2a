// ID3 text in its four encodings, decoded (and refused) exactly as music-metadata 12 does, so both tag paths agree.

export type Id3Encoding = 'latin1' | 'utf-16le' | 'utf-16be' | 'utf8';

/** The encoding a frame's first byte names (ID3v2.4 §4: 0 ISO-8859-1, 1 UTF-16 with BOM, 2 UTF-16BE, 3 UTF-8). */
export function id3Encoding(byte: number | undefined): Id3Encoding {
  // music-metadata reads any other value as UTF-8; so do we.
  return byte === 0 ? 'latin1' : byte === 1 ? 'utf-16le' : byte === 2 ? 'utf-16be' : 'utf8';
}

const isWide = (encoding: Id3Encoding) => encoding === 'utf-16le' || encoding === 'utf-16be';

export const terminatorLength = (encoding: Id3Encoding) => (isWide(encoding) ? 2 : 1);

/** Where a string ends: the first 00 (00 00 at an even offset in UTF-16), or the length when none. */
export function findTerminator(bytes: Uint8Array, encoding: Id3Encoding): number {
  if (isWide(encoding)) {
    for (let i = 0; i + 1 < bytes.length; i += 2) if (bytes[i] === 0 && bytes[i + 1] === 0) return i;
    return bytes.length;
  }
  const at = bytes.indexOf(0);
  return at < 0 ? bytes.length : at;
}

/** UTF-16 text of an odd byte count: music-metadata refuses it (and with it, outside text frames, the whole tag). */
export class Id3TextError extends Error {
  override readonly name = 'Id3TextError';
}

/**
 * Text that music-metadata would decode only by recursing once per leading BOM: past this many, it
 * may overflow its stack, so the fast path cannot say what it would answer and gives the tag to it.
 */
export class Id3UnsureError extends Error {
  override readonly name = 'Id3UnsureError';
}
const MAX_LEADING_BOMS = 256;

/**
 * Decodes `bytes` as music-metadata's decodeString does: a leading FF FE is dropped in any encoding
 * (its double-BOM workaround), a UTF-16 BOM of FE FF swaps the bytes, bad UTF-16 becomes U+FFFD and
 * UTF-8 goes through TextDecoder. Throws Id3TextError where it throws.
 */
export function decodeId3Text(bytes: Uint8Array, encoding: Id3Encoding): string {
  let text = bytes;
  for (let boms = 0; ; boms++) {
    if (boms > MAX_LEADING_BOMS) throw new Id3UnsureError('too many byte-order marks');
    if (text[0] === 0xff && text[1] === 0xfe) text = text.subarray(2);
    else if (encoding === 'utf-16le' && text[0] === 0xfe && text[1] === 0xff)
      text = swapPairs(oddRefused(text));
    else break;
  }
  if (encoding === 'utf-16be') return decodeUtf16le(swapPairs(oddRefused(text)));
  if (encoding === 'utf-16le') return decodeUtf16le(text);
  if (encoding === 'latin1') return fromCodes(text);
  return utf8().decode(text);
}

/** Whether `bytes` decode without Id3TextError: for text podwire does not keep but music-metadata reads. */
export function decodesCleanly(bytes: Uint8Array, encoding: Id3Encoding): boolean {
  try {
    decodeId3Text(bytes, encoding);
    return true;
  } catch (error) {
    if (error instanceof Id3TextError) return false;
    throw error;
  }
}

function oddRefused(bytes: Uint8Array): Uint8Array {
  if (bytes.length % 2 !== 0)
    throw new Id3TextError('Expected even number of octets for 16-bit unicode string');
  return bytes;
}

/** Trailing NUL characters removed (music-metadata's trimNullPadding). */
export function trimNulls(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0) end--;
  return end === text.length ? text : text.slice(0, end);
}

let decoder: TextDecoder | undefined;
const utf8 = () => {
  decoder ??= new TextDecoder('utf-8');
  return decoder;
};

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1] as number;
    out[i + 1] = bytes[i] as number;
  }
  return out;
}

/** UTF-16LE as @borewit/text-codec decodes it: a BOM skipped, lone surrogates and an odd last byte as U+FFFD. */
function decodeUtf16le(bytes: Uint8Array): string {
  let i = bytes[0] === 0xff && bytes[1] === 0xfe ? 2 : 0;
  const units: number[] = [];
  while (i + 1 < bytes.length) {
    const unit = (bytes[i] as number) | ((bytes[i + 1] as number) << 8);
    i += 2;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 1 < bytes.length ? (bytes[i] as number) | ((bytes[i + 1] as number) << 8) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) {
        units.push(unit, next);
        i += 2;
      } else units.push(0xfffd);
    } else units.push(unit >= 0xdc00 && unit <= 0xdfff ? 0xfffd : unit);
  }
  if (i < bytes.length) units.push(0xfffd);
  return fromCodes(units);
}

function fromCodes(codes: Uint8Array | number[]): string {
  if (codes.length <= 4096) return String.fromCharCode.apply(null, codes as number[]);
  let text = '';
  for (let at = 0; at < codes.length; at += 4096) {
    text += String.fromCharCode.apply(null, codes.slice(at, at + 4096) as number[]);
  }
  return text;
}
