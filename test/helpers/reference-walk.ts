// The frame walk's rules written plainly, byte by byte over a whole file in memory: the reference the fast walk must match.
import { frameLengthOf, STREAM_SIGNATURE_MASK, word } from '../../src/audio/mpeg/frame-header.ts';

const length = (bytes: Uint8Array, at: number, signature: number) => {
  const h = word(bytes, at);
  return (h & STREAM_SIGNATURE_MASK) === signature ? frameLengthOf(h) : 0;
};

/** Four frames follow the one at `at`, each where the last says (or the audio ends after at least one). */
function chainHolds(bytes: Uint8Array, at: number, end: number, signature: number): boolean {
  let next = at + length(bytes, at, signature);
  for (let n = 0; n < 4; n++) {
    if (next === end) return n > 0;
    if (next + 4 > end) return false;
    const l = length(bytes, next, signature);
    if (l === 0) return false;
    next += l;
  }
  return true;
}

export function referenceWalk(bytes: Uint8Array, from: number, end: number, signature: number, mark = 0) {
  const walk = {
    frames: 0,
    audioBytes: 0,
    truncated: false,
    warnings: [] as string[],
    markEnd: undefined as number | undefined,
  };
  let pos = from;
  while (pos + 4 <= end) {
    const l = length(bytes, pos, signature);
    if (l > 0 && pos + l <= end) {
      walk.frames++;
      walk.audioBytes += l;
      pos += l;
      if (walk.frames === mark) walk.markEnd = pos;
      continue;
    }
    if (l > 0) {
      walk.truncated = true;
      walk.warnings.push(`the last frame, at byte ${pos}, is cut short`);
      return walk;
    }
    let resumed: number | undefined;
    for (let at = pos + 1; at + 4 <= end; at++) {
      if (bytes[at] === 0xff && length(bytes, at, signature) > 0 && chainHolds(bytes, at, end, signature)) {
        resumed = at;
        break;
      }
    }
    if (resumed === undefined) {
      walk.warnings.push(`ignored ${end - pos} bytes after the last frame`);
      return walk;
    }
    walk.warnings.push(`skipped ${resumed - pos} bytes of junk at byte ${pos}`);
    pos = resumed;
  }
  return walk;
}
