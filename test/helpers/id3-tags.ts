// ID3 tags built byte by byte for tag-reader tests: frames in every encoding, ID3v1, and random MP3s with tags (fast-check).
import fc from 'fast-check';

export interface RawFrame {
  readonly id: string;
  readonly body: Uint8Array;
  /** The frame header's format-flags byte (compression, encryption, ...). */
  readonly formatFlags?: number;
}

type Major = 3 | 4;

const concat = (...parts: (Uint8Array | readonly number[])[]) => {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of arrays) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
const syncsafe = (n: number) => [(n >>> 21) & 127, (n >>> 14) & 127, (n >>> 7) & 127, n & 127];
const uint32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

const utf16 = (text: string, littleEndian: boolean) => {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[i * 2 + (littleEndian ? 0 : 1)] = unit & 255;
    out[i * 2 + (littleEndian ? 1 : 0)] = unit >>> 8;
  }
  return out;
};

/**
 * `text` in ID3 encoding `encoding`: 0 Latin-1, 1 UTF-16 with BOM, 2 UTF-16BE, 3 (or any other
 * byte) UTF-8. Variants that test odd writers, with the frame's encoding byte from encodingByte():
 * 5 UTF-16 with a big-endian BOM, 6 with a doubled BOM, 8 UTF-16BE with a stray last byte.
 */
export function encodeText(encoding: number, text: string): Uint8Array {
  if (encoding === 0) return latin1(text);
  if (encoding === 1) return concat([0xff, 0xfe], utf16(text, true));
  if (encoding === 2) return utf16(text, false);
  if (encoding === 5) return concat([0xfe, 0xff], utf16(text, false));
  if (encoding === 6) return concat([0xff, 0xfe, 0xff, 0xfe], utf16(text, true));
  if (encoding === 8) return concat(utf16(text, false), [0x41]);
  return new TextEncoder().encode(text);
}

export const encodingByte = (encoding: number) =>
  encoding === 5 || encoding === 6 ? 1 : encoding === 8 ? 2 : encoding;

const terminator = (encoding: number) => ([1, 2, 5, 6, 8].includes(encoding) ? [0, 0] : [0]);

export function textFrame(id: string, encoding: number, text: string): RawFrame {
  return { id, body: concat([encodingByte(encoding)], encodeText(encoding, text)) };
}

export function frameBytes(frame: RawFrame, major: Major): Uint8Array {
  const size = frame.body.length;
  const header = [
    ...latin1(frame.id),
    ...(major === 4 ? syncsafe(size) : uint32(size)),
    0,
    frame.formatFlags ?? 0,
  ];
  return concat(header, frame.body);
}

/** A whole ID3v2 tag: header, frames, `padding` zero bytes. */
export function id3v2Tag(major: Major, frames: readonly RawFrame[], padding = 0, flags = 0): Uint8Array {
  const body = concat(...frames.map((f) => frameBytes(f, major)), new Uint8Array(padding));
  return concat([0x49, 0x44, 0x33, major, 0, flags, ...syncsafe(body.length)], body);
}

export function id3v1Tag(fields: {
  title?: string;
  artist?: string;
  album?: string;
  year?: string;
  comment?: string;
  track?: number;
}): Uint8Array {
  const tag = new Uint8Array(128);
  tag.set(latin1('TAG'));
  const put = (text: string | undefined, at: number, length: number) =>
    tag.set(latin1(text ?? '').subarray(0, length), at);
  put(fields.title, 3, 30);
  put(fields.artist, 33, 30);
  put(fields.album, 63, 30);
  put(fields.year, 93, 4);
  put(fields.comment, 97, fields.track ? 28 : 30);
  if (fields.track) tag[126] = fields.track;
  tag[127] = 255;
  return tag;
}

/** 70 KB of silent MPEG-1 Layer III frames (64 kbit/s, 44.1 kHz, mono: 208 bytes each). */
export function silentAudio(): Uint8Array {
  const frame = new Uint8Array(208);
  frame.set([0xff, 0xfb, 0x50, 0xc4]);
  return concat(...Array.from({ length: 340 }, () => frame));
}

// --- Random MP3s with tags, for properties over the tag readers.

const encodingArb = fc.constantFrom(0, 1, 2, 3, 9, 0, 1, 3, 5, 6, 8);
const textArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', ' ', 'Ann/Bob', 'x\0y', ' padded ', '2024-05-01', '1999', 'abc', '\0', 'comment'),
);
const labelArb = fc.constantFrom('ch0', 'ch1', 'ch2', 'toc', '');
const encoded = (encoding: number, text: string, terminated: boolean) =>
  concat(encodeText(encoding, text), terminated ? terminator(encoding) : []);

type FrameArb = fc.Arbitrary<(major: Major) => RawFrame>;
const fixed = (frame: RawFrame) => () => frame;

const textFrameArb: FrameArb = fc
  .record({
    id: fc.constantFrom('TIT2', 'TPE1', 'TALB', 'TYER', 'TDRC', 'TDRV', 'TCON', 'TRCK', 'TPE2', 'TIT3'),
    encoding: encodingArb,
    values: fc.array(textArb, { minLength: 1, maxLength: 3 }),
    separator: fc.constantFrom('\0', '/'),
    terminated: fc.boolean(),
  })
  .map(({ id, encoding, values, separator, terminated }) =>
    fixed({
      id,
      body: concat([encodingByte(encoding)], encoded(encoding, values.join(separator), terminated)),
    }),
  );

const describedArb = (id: string, withLanguage: boolean): FrameArb =>
  fc
    .record({
      encoding: encodingArb,
      description: fc.oneof(textArb, fc.constantFrom('comment', 'Comment', 'ARTISTS', 'iTunNORM')),
      text: textArb,
    })
    .map(({ encoding, description, text }) =>
      fixed({
        id,
        body: concat(
          [encodingByte(encoding)],
          withLanguage ? latin1('eng') : [],
          encoded(encoding, description, true),
          encodeText(encoding, text),
        ),
      }),
    );

const pictureArb: FrameArb = fc
  .record({
    encoding: encodingArb,
    mime: fc.constantFrom('image/jpeg', 'image/JPG', 'jpg', 'PNG', 'image/png', ''),
    type: fc.nat(24),
    description: textArb,
    data: fc.uint8Array({ maxLength: 24 }),
  })
  .map(({ encoding, mime, type, description, data }) =>
    fixed({
      id: 'APIC',
      body: concat(
        [encodingByte(encoding)],
        latin1(mime),
        [0, type],
        encoded(encoding, description, true),
        data,
      ),
    }),
  );

const subFramesArb = fc.array(fc.oneof(textFrameArb, describedArb('WXXX', false), rawFrameArb()), {
  maxLength: 2,
});

const chapterArb: FrameArb = fc
  .record({
    label: labelArb,
    start: fc.nat(600_000),
    title: textArb,
    encoding: encodingArb,
    more: subFramesArb,
  })
  .map(({ label, start, title, encoding, more }) => (major: Major) => ({
    id: 'CHAP',
    body: concat(
      latin1(label),
      [0],
      uint32(start),
      uint32(start + 1000),
      uint32(0xffffffff),
      uint32(0xffffffff),
      frameBytes(textFrame('TIT2', encoding, title), major),
      ...more.map((f) => frameBytes(f(major), major)),
    ),
  }));

const tocArb: FrameArb = fc
  .record({ flags: fc.nat(3), children: fc.array(labelArb, { maxLength: 4 }), titled: fc.boolean() })
  .map(({ flags, children, titled }) => (major: Major) => ({
    id: 'CTOC',
    body: concat(
      latin1('toc'),
      [0, flags, children.length],
      ...children.map((c) => concat(latin1(c), [0])),
      titled ? frameBytes(textFrame('TIT2', 0, 'Contents'), major) : [],
    ),
  }));

function rawFrameArb(): FrameArb {
  return fc
    .record({
      id: fc.constantFrom(
        'TIT2',
        'TPE1',
        'TXXX',
        'COMM',
        'APIC',
        'CHAP',
        'WXXX',
        'PRIV',
        'WOAR',
        'GEOB',
        'XYZ1',
      ),
      body: fc.uint8Array({ maxLength: 24 }),
    })
    .map(fixed);
}

const frameArb: FrameArb = fc.oneof(
  { arbitrary: textFrameArb, weight: 5 },
  { arbitrary: describedArb('TXXX', false), weight: 2 },
  { arbitrary: describedArb('COMM', true), weight: 2 },
  { arbitrary: describedArb('USLT', true), weight: 1 },
  { arbitrary: pictureArb, weight: 2 },
  { arbitrary: chapterArb, weight: 2 },
  { arbitrary: tocArb, weight: 1 },
  { arbitrary: rawFrameArb(), weight: 1 },
);

const id3v1Arb = fc.option(
  fc.record({
    title: fc.string({ maxLength: 30 }),
    artist: fc.string({ maxLength: 30 }),
    album: fc.string({ maxLength: 3 }),
    year: fc.constantFrom('', '1999', '20x1', ' 42'),
    comment: fc.string({ maxLength: 30 }),
    track: fc.nat(3),
  }),
);

export interface TagsSample {
  readonly v2: Uint8Array;
  readonly v1: Uint8Array;
}

/** An MP3 file's tags: maybe an ID3v2.3/2.4 tag of random frames, maybe an ID3v1 tag (the audio is left out, to print short). */
export function tagsArbitrary(): fc.Arbitrary<TagsSample> {
  return fc
    .record({
      major: fc.constantFrom(3 as const, 4 as const),
      tagged: fc.double({ min: 0, max: 1, noNaN: true }),
      frames: fc.array(frameArb, { maxLength: 8 }),
      flagged: fc.array(fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0x40), { minLength: 8, maxLength: 8 }),
      padding: fc.nat(40),
      v1: id3v1Arb,
    })
    .map(({ major, tagged, frames, flagged, padding, v1 }) => {
      const built = frames.map((f, i) => ({ ...f(major), formatFlags: flagged[i] }));
      const v2 = tagged < 0.9 ? id3v2Tag(major, built, padding) : new Uint8Array(0);
      return { v2, v1: v1 ? id3v1Tag(v1) : new Uint8Array(0) };
    });
}
