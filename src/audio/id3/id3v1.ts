// readId3v1: the 128-byte tag at the end of an MP3 (ID3v1 and v1.1), read as music-metadata 12 reads it.

export interface Id3v1Tag {
  readonly title: string | undefined;
  readonly artist: string | undefined;
  readonly album: string | undefined;
  readonly year: string | undefined;
  readonly comment: string | undefined;
}

/** Latin-1 up to the first NUL, trimmed; undefined when nothing is left. */
function field(tag: Uint8Array, at: number, length: number): string | undefined {
  const bytes = tag.subarray(at, at + length);
  const nul = bytes.indexOf(0);
  const text = nul < 0 ? bytes : bytes.subarray(0, nul);
  const value = String.fromCharCode.apply(null, text as unknown as number[]).trim();
  return value.length > 0 ? value : undefined;
}

/** The fields of `tag` (the file's last 128 bytes) when it starts with "TAG", else undefined. */
export function readId3v1(tag: Uint8Array): Id3v1Tag | undefined {
  if (tag.length !== 128 || tag[0] !== 0x54 || tag[1] !== 0x41 || tag[2] !== 0x47) return undefined;
  // ID3v1.1 gives the comment's last two bytes to a zero and a track number.
  const hasTrack = tag[125] === 0 && tag[126] !== 0;
  return {
    title: field(tag, 3, 30),
    artist: field(tag, 33, 30),
    album: field(tag, 63, 30),
    year: field(tag, 93, 4),
    comment: field(tag, 97, hasTrack ? 28 : 30),
  };
}
