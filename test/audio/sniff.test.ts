import { describe, expect, it } from 'vitest';
import { sniffContainer } from '../../src/audio/sniff.ts';
import { UnsupportedMediaError } from '../../src/errors.ts';
import { bytesReader, fixtureBytes } from '../helpers/byte-reader.ts';

const ascii = (text: string) => new TextEncoder().encode(text);
function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
const id3Tag = (body: Uint8Array) =>
  concat(
    new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, (body.byteLength >>> 7) & 127, body.byteLength & 127]),
    body,
  );

async function refusal(bytes: Uint8Array): Promise<UnsupportedMediaError> {
  const error = await sniffContainer(bytesReader(bytes)).then(
    (sniffed) => new Error(`expected a refusal, got ${JSON.stringify(sniffed)}`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnsupportedMediaError);
  return error as UnsupportedMediaError;
}

describe('sniffContainer', () => {
  it('refuses an HTML page followed by real MP3 frames, saying it starts like HTML', async () => {
    const mp3 = await fixtureBytes('mp3-cbr-no-header.mp3');
    const page = ascii('<!DOCTYPE html><html><body><p>Moved to the new site.</p></body></html>\n');
    expect((await refusal(concat(page, mp3))).message).toMatch(/it starts like HTML/);
    const indented = ascii('\uFEFF\n  <html><body>x</body></html>');
    expect((await refusal(concat(indented, mp3))).message).toMatch(/it starts like HTML/);
  });

  it('refuses a short HTML start even when a frame sync follows within a few bytes', async () => {
    const mp3 = await fixtureBytes('mp3-cbr-no-header.mp3');
    expect((await refusal(concat(ascii('<p>'), mp3))).message).toMatch(/it starts like HTML/);
  });

  it('refuses XML, JSON and plain text before MP3 frames, naming what it found', async () => {
    const mp3 = await fixtureBytes('mp3-cbr-no-header.mp3');
    const cases: [string, RegExp][] = [
      ['<?xml version="1.0"?><rss></rss>', /it starts like XML/],
      ['{"error": "not found"}', /it starts like JSON/],
      ['[{"id": 1}]', /it starts like JSON/],
      ['Download failed: please try again later.\n', /it looks like text/],
    ];
    for (const [text, message] of cases) {
      expect((await refusal(concat(ascii(text), mp3))).message, text).toMatch(message);
    }
  });

  it('refuses HTML right after an ID3v2 tag', async () => {
    const mp3 = await fixtureBytes('mp3-cbr-no-header.mp3');
    const tag = id3Tag(new Uint8Array(32));
    expect((await refusal(concat(tag, ascii('<html><body>gone</body></html>'), mp3))).message).toMatch(
      /it starts like HTML/,
    );
  });

  it('still takes an MP3 that opens with binary junk holding false frame syncs', async () => {
    const sniffed = await sniffContainer(bytesReader(await fixtureBytes('mp3-junk-start.mp3')));
    expect(sniffed).toEqual({ container: 'mpeg', afterTags: 0 });
  });

  it('still takes an MP3 whose ID3v2 tag is followed by zero padding before the first frame', async () => {
    const mp3 = await fixtureBytes('mp3-cbr-no-header.mp3');
    const tag = id3Tag(new Uint8Array(32));
    const sniffed = await sniffContainer(bytesReader(concat(tag, new Uint8Array(300), mp3)));
    expect(sniffed).toEqual({ container: 'mpeg', afterTags: tag.byteLength });
  });

  it('still takes an MP3 behind a few bytes of binary junk', async () => {
    const mp3 = await fixtureBytes('mp3-cbr-no-header.mp3');
    const junk = new Uint8Array([0x00, 0x13, 0x7f, 0x00, 0x41, 0x42, 0x00, 0x00]);
    expect(await sniffContainer(bytesReader(concat(junk, mp3)))).toEqual({ container: 'mpeg', afterTags: 0 });
  });
});
