// wavCodec(fmt): the codec a WAV fmt chunk declares, WAVE_FORMAT_EXTENSIBLE's subformat GUID included.

export interface WavCodec {
  /** Named as music-metadata names format tags ("PCM", "IEEE_FLOAT"); undefined to leave it to it. */
  readonly codec: string | undefined;
  /** True for uncompressed samples (integer PCM or IEEE float); undefined when not known here. */
  readonly lossless: boolean | undefined;
}

const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
const NAMES: Readonly<Record<number, string>> = { 1: 'PCM', 3: 'IEEE_FLOAT', 6: 'ALAW', 7: 'MULAW' };
/**
 * Bytes 2-15 of every KSDATAFORMAT_SUBTYPE_* GUID that stands for a WAVE format tag
 * ({XXXXXXXX-0000-0010-8000-00AA00389B71}, the tag in the first two bytes, little-endian).
 */
const SUBTYPE_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

/**
 * `fmt` is the chunk's body. A plain chunk names the codec by its format tag (music-metadata names
 * the rarer ones); an extensible one (tag 0xFFFE, written for more than 16 bits a sample or more
 * than two channels) by the GUID at byte 24 of a body of at least 40 bytes (Microsoft,
 * "WAVEFORMATEXTENSIBLE"), which music-metadata does not read.
 */
export function wavCodec(fmt: Uint8Array): WavCodec {
  if (fmt.byteLength < 16) return { codec: undefined, lossless: undefined };
  const view = new DataView(fmt.buffer, fmt.byteOffset, fmt.byteLength);
  let tag = view.getUint16(0, true);
  const extensible = tag === WAVE_FORMAT_EXTENSIBLE;
  if (extensible) {
    const tail = fmt.subarray(26, 40);
    if (fmt.byteLength < 40 || !SUBTYPE_TAIL.every((b, i) => tail[i] === b)) {
      return { codec: 'WAVE_FORMAT_EXTENSIBLE (unknown subformat)', lossless: undefined };
    }
    tag = view.getUint16(24, true);
  }
  const uncompressed = tag === 1 || tag === 3;
  return {
    codec: NAMES[tag] ?? (extensible ? `non-PCM (${tag})` : undefined),
    lossless: uncompressed ? true : tag in NAMES ? false : undefined,
  };
}
