// The header frames encoders put first in an MP3: Xing/Info (with LAME's gapless tag) and Fraunhofer VBRI.
import { type FrameHeader, word } from './frame-header.ts';

export interface VbrHeader {
  readonly kind: 'xing' | 'info' | 'vbri';
  /** Audio frames in the stream, not counting this header frame; undefined when not declared. */
  readonly frames: number | undefined;
  /** Bytes of the stream as declared (this frame included, for Xing/Info and VBRI alike). */
  readonly bytes: number | undefined;
  /** LAME gapless info: samples the encoder added at the start and the end. */
  readonly encoderDelay: number | undefined;
  readonly encoderPadding: number | undefined;
  /** Encoder name from the LAME tag, such as "LAME3.100" or "Lavf". */
  readonly encoder: string | undefined;
}

/** Offset of "Xing"/"Info" in the first frame: after the header and the side information. */
function xingOffset(header: FrameHeader): number {
  const sideInfo = header.version === 1 ? (header.channels === 1 ? 17 : 32) : header.channels === 1 ? 9 : 17;
  return 4 + sideInfo;
}

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

/**
 * Reads the VBR header in `frame` (the first frame's bytes, whole), if it holds one. The LAME tag
 * follows the Xing fields; its delay and padding are 12 bits each (LAME tag spec, "enc_delay").
 */
export function parseVbrHeader(frame: Uint8Array, header: FrameHeader): VbrHeader | undefined {
  if (header.layer !== 3) return undefined;
  const at = xingOffset(header);
  if (frame.byteLength >= at + 8) {
    const tag = ascii(frame, at, 4);
    if (tag === 'Xing' || tag === 'Info') {
      const flags = word(frame, at + 4);
      let p = at + 8;
      let frames: number | undefined;
      let bytes: number | undefined;
      if (flags & 1 && p + 4 <= frame.byteLength) {
        frames = word(frame, p);
        p += 4;
      }
      if (flags & 2 && p + 4 <= frame.byteLength) {
        bytes = word(frame, p);
        p += 4;
      }
      if (flags & 4) p += 100; // seek table
      if (flags & 8) p += 4; // quality
      const lame = parseLameTag(frame, p);
      return { kind: tag === 'Xing' ? 'xing' : 'info', frames, bytes, ...lame };
    }
  }
  // VBRI always sits 32 bytes after the 4-byte header.
  if (frame.byteLength >= 36 + 18 && ascii(frame, 36, 4) === 'VBRI') {
    return {
      kind: 'vbri',
      bytes: word(frame, 36 + 10),
      frames: word(frame, 36 + 14),
      encoderDelay: undefined,
      encoderPadding: undefined,
      encoder: undefined,
    };
  }
  return undefined;
}

function parseLameTag(frame: Uint8Array, at: number) {
  const none = { encoderDelay: undefined, encoderPadding: undefined, encoder: undefined };
  if (at + 24 > frame.byteLength) return none;
  const encoder = ascii(frame, at, 9).replace(/[\0 ]+$/, '');
  // LAME and encoders that write its tag (ffmpeg's "Lavf"/"Lavc", GOGO) start with 4 letters.
  if (!/^[A-Za-z]{4}/.test(encoder)) return none;
  const d0 = frame[at + 21] as number;
  const d1 = frame[at + 22] as number;
  const d2 = frame[at + 23] as number;
  return { encoder, encoderDelay: (d0 << 4) | (d1 >> 4), encoderPadding: ((d1 & 0x0f) << 8) | d2 };
}
