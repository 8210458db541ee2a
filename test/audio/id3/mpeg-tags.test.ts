import fc from 'fast-check';
import { parseFromTokenizer } from 'music-metadata';
import { describe, expect, it } from 'vitest';
import { createBlockReader } from '../../../src/audio/block-reader.ts';
import { readMpegTags } from '../../../src/audio/id3/mpeg-tags.ts';
import { ReaderTokenizer } from '../../../src/audio/reader-tokenizer.ts';
import { type TagFacts, tagFactsOf } from '../../../src/audio/tag-facts.ts';
import { skipId3v2 } from '../../../src/audio/tag-spans.ts';
import { bytesReader, concatBytes, fixtureBytes } from '../../helpers/byte-reader.ts';
import { id3v1Tag, id3v2Tag, silentAudio, tagsArbitrary, textFrame } from '../../helpers/id3-tags.ts';

/** What music-metadata answers, read as probeAudio reads it (tags it cannot read: no facts). */
async function musicMetadataFacts(bytes: Uint8Array): Promise<TagFacts> {
  const tokenizer = new ReaderTokenizer(createBlockReader(bytesReader(bytes)), { maxBufferSize: 16 << 20 });
  const metadata = await parseFromTokenizer(tokenizer, { duration: false, includeChapters: true }).catch(
    () => undefined,
  );
  return tagFactsOf(metadata);
}

async function fastFacts(bytes: Uint8Array): Promise<TagFacts | undefined> {
  const reader = bytesReader(bytes);
  return readMpegTags(reader, await skipId3v2(reader));
}

/** Comparable: pictures by type, MIME type and bytes. */
const plain = (facts: TagFacts | undefined) =>
  facts && {
    ...facts,
    picture: facts.picture && {
      format: facts.picture.format,
      type: facts.picture.type,
      data: [...facts.picture.data],
    },
  };

const concat = concatBytes;

describe('readMpegTags', () => {
  it.each(['mp3-artwork.mp3', 'mp3-chapters.mp3', 'mp3-big-id3.mp3'])(
    'agrees with music-metadata on the tags of %s, given enough audio',
    async (name) => {
      const bytes = await fixtureBytes(name);
      const end = await skipId3v2(bytesReader(bytes));
      const file = concat(bytes.subarray(0, end), silentAudio());
      const fast = await fastFacts(file);
      expect(fast).toBeDefined();
      expect(plain(fast)).toEqual(plain(await musicMetadataFacts(file)));
    },
  );

  it('agrees with music-metadata on the demo episodes (ID3v2.4 chapters and tags)', async () => {
    for (const name of ['briefing-01-tide-mill-people.mp3', 'briefing-02-tide-mill-machine.mp3']) {
      const file = await fixtureBytes(`../../../media/demo/${name}`);
      const fast = await fastFacts(file);
      expect(fast?.chapters).toHaveLength(4);
      expect(plain(fast)).toEqual(plain(await musicMetadataFacts(file)));
    }
  });

  it('agrees with music-metadata on any tag it reads (ID3v2.3/2.4 frames in every encoding, ID3v1)', async () => {
    let read = 0;
    await fc.assert(
      fc.asyncProperty(tagsArbitrary(), async ({ v2, v1 }) => {
        const file = concat(v2, silentAudio(), v1);
        const fast = await fastFacts(file);
        if (fast === undefined) return;
        read++;
        expect(plain(fast)).toEqual(plain(await musicMetadataFacts(file)));
      }),
      { numRuns: 400 },
    );
    // about half the generated tags are plain enough for the fast path (196–230 of 400 seen): the
    // property is not vacuous. The bound sits far below that spread, as the runs are not seeded.
    expect(read).toBeGreaterThan(120);
  });

  it('takes the first artist, the last title and ID3v2 over ID3v1, as music-metadata ranks them', async () => {
    const tag = id3v2Tag(3, [
      textFrame('TPE1', 0, 'Ann/Bob'),
      textFrame('TIT2', 0, 'First'),
      textFrame('TIT2', 0, 'Second'),
      textFrame('TDRC', 0, '2024-05-01'),
    ]);
    const file = concat(tag, silentAudio(), id3v1Tag({ artist: 'Old', year: '1999', comment: 'v1' }));
    const fast = await fastFacts(file);
    expect(fast?.tags).toEqual({ title: 'Second', artist: 'Ann', year: 1999, comment: 'v1' });
    expect(plain(fast)).toEqual(plain(await musicMetadataFacts(file)));
  });

  it.each([
    ['an ID3v2.2 tag', (t: Uint8Array) => t.set([2], 3)],
    ['an unsynchronised tag', (t: Uint8Array) => t.set([0x80], 5)],
    ['a compressed frame', (t: Uint8Array) => t.set([0x80], 19)],
  ])('leaves %s to music-metadata', async (_, change) => {
    const tag = id3v2Tag(3, [textFrame('TIT2', 0, 'Title')]);
    change(tag);
    expect(await fastFacts(concat(tag, silentAudio()))).toBeUndefined();
  });

  it('leaves files with APEv2 or Lyrics3 tags, mapped TXXX frames and little audio to music-metadata', async () => {
    const tag = id3v2Tag(4, [textFrame('TIT2', 3, 'Title')]);
    const ape = concat(new TextEncoder().encode('APETAGEX'), new Uint8Array(24));
    expect(await fastFacts(concat(tag, silentAudio(), ape))).toBeUndefined();
    const lyrics = concat(new TextEncoder().encode('000010LYRICS200'));
    expect(await fastFacts(concat(tag, silentAudio(), lyrics, id3v1Tag({})))).toBeUndefined();
    const artists = id3v2Tag(4, [textFrame('TXXX', 0, 'ARTISTS\0Ann')]);
    expect(await fastFacts(concat(artists, silentAudio()))).toBeUndefined();
    expect(await fastFacts(concat(tag, silentAudio().subarray(0, 4096)))).toBeUndefined();
    expect(await fastFacts(concat(tag, silentAudio()))).toBeDefined();
  });
});
