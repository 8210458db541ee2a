import { describe, expect, it } from 'vitest';
import { podcastGuid, uuidV5 } from '../../src/domain/podcast-guid.ts';

describe('podcastGuid', () => {
  it('matches the example in the Podcast Index namespace specification', async () => {
    expect(await podcastGuid('https://mp3s.nashownotes.com/pc20rss.xml')).toBe(
      '917393e3-1b1e-5cef-ace4-edaa54e1f810',
    );
  });

  it('ignores the scheme and trailing slashes', async () => {
    const guid = await podcastGuid('mp3s.nashownotes.com/pc20rss.xml');
    expect(await podcastGuid('http://mp3s.nashownotes.com/pc20rss.xml/')).toBe(guid);
  });
});

describe('uuidV5', () => {
  it('matches RFC 9562 (python uuid.uuid5(NAMESPACE_DNS, "python.org"))', async () => {
    expect(await uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });
});
