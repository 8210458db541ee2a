import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { Html } from '../../src/domain/html.ts';
import { renderAtom } from '../../src/feeds/atom.ts';
import { renderJsonFeed } from '../../src/feeds/json-feed.ts';
import type { NewsFeed, OpmlDocument, PodcastFeed } from '../../src/feeds/model.ts';
import { renderNewsRss } from '../../src/feeds/news-rss.ts';
import { renderOpml } from '../../src/feeds/opml.ts';
import { renderPodcastRss } from '../../src/feeds/podcast-rss.ts';
import { escapeAttr, escapeText, stripForbidden } from '../../src/feeds/xml.ts';
import { xmllint } from '../helpers/xmllint.ts';

/** Strict XML 1.0 parse; returns the text of every element named `name`, in document order. */
function parseStrict(xml: string, name?: string): string[] {
  const parser = new SaxesParser({ xmlns: false });
  const texts: string[] = [];
  let current: string | undefined;
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    if (tag.name === name) current = '';
  });
  parser.on('text', (text) => {
    if (current !== undefined) current += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === name && current !== undefined) {
      texts.push(current);
      current = undefined;
    }
  });
  parser.write(xml).close();
  if (error) throw error;
  return texts;
}

/** Strings built to break XML: markup characters, CDATA ends, controls, lone surrogates, emoji, RTL. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 40 }),
  fc
    .array(
      fc.constantFrom(
        '&',
        '<',
        '>',
        '"',
        "'",
        ']]>',
        '<![CDATA[',
        '&amp;',
        '\u0000',
        '\u0001',
        '\u000b',
        '\u001f',
        '\u007f',
        '\ud800',
        '\udfff',
        '\ufffe',
        '\uffff',
        '😀',
        '\u202e',
        'שלום',
        '\t',
        '\n',
        '\r',
        '--',
        '?>',
        'ü',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
);

function podcastModel(s: readonly string[]): PodcastFeed {
  const at = (i: number) => s[i % s.length] as string;
  const day = new Date('2026-01-01T00:00:00Z');
  return {
    selfUrl: `https://ex.example/feed.xml?q=${at(0)}`,
    title: at(1),
    subtitle: at(2),
    description: at(3),
    language: 'en',
    link: 'https://ex.example/',
    author: at(4),
    owner: { name: at(5), email: at(6) },
    imageUrl: `https://ex.example/a.jpg#${at(7)}`,
    categories: [{ category: at(8), subcategory: at(9) }, { category: 'News & Politics' }],
    explicit: false,
    type: 'episodic',
    copyright: at(10),
    generator: 'podwire',
    lastBuildDate: day,
    pubDate: day,
    block: true,
    complete: true,
    newFeedUrl: `https://ex.example/new?x=${at(11)}`,
    podcastGuid: '3b8215f3-8fb3-5436-aeba-56d3a4abe4ec',
    locked: true,
    funding: [{ url: `https://ex.example/f?${at(12)}`, title: at(13) }],
    persons: [{ name: at(14), role: at(15), group: at(16), url: at(17), imageUrl: at(18) }],
    medium: 'podcast',
    txt: [{ value: at(19), purpose: at(20) }],
    podroll: [{ feedGuid: at(21), feedUrl: at(22) }],
    updateFrequency: { rrule: at(23), label: at(24), complete: true },
    items: s.map((text, i) => ({
      guid: text,
      title: at(i + 1),
      link: `https://ex.example/e/${i}`,
      published: day,
      summary: at(i + 2),
      contentHtml: at(i + 3) as Html,
      enclosure: { url: `https://ex.example/${i}.mp3?${at(i + 4)}`, sizeBytes: i, mimeType: 'audio/mpeg' },
      durationSeconds: i * 1.5,
      episodeType: 'full',
      season: 1,
      episode: i + 1,
      imageUrl: `https://ex.example/${i}.jpg`,
      explicit: i % 2 === 0,
      block: false,
      chaptersUrl: `https://ex.example/${i}/chapters.json`,
      transcript: { url: `https://ex.example/${i}.vtt`, mimeType: 'text/vtt', language: at(i + 5) },
      persons: [{ name: at(i + 6) }],
      alternates: [
        {
          url: `https://ex.example/${i}.opus`,
          sizeBytes: 1,
          mimeType: 'audio/ogg',
          title: at(i + 7),
          isDefault: false,
        },
      ],
    })),
  };
}

function newsModel(s: readonly string[]): NewsFeed {
  const at = (i: number) => s[i % s.length] as string;
  const day = new Date('2026-01-01T00:00:00Z');
  return {
    id: `urn:x:${at(0)}`,
    title: at(1),
    description: at(2),
    language: 'en',
    homeUrl: 'https://ex.example/',
    selfUrl: `https://ex.example/feed.xml?${at(3)}`,
    pages: {
      first: 'https://ex.example/feed.xml',
      last: `https://ex.example/feed.xml?page=2&${at(4)}`,
      next: 'https://ex.example/feed.xml?page=2',
    },
    updated: day,
    generator: at(5),
    items: s.map((text, i) => ({
      id: text,
      url: `https://ex.example/a/${i}`,
      title: at(i + 1),
      summary: at(i + 2),
      contentHtml: at(i + 3) as Html,
      authors: [{ name: at(i + 4), url: at(i + 5), email: at(i + 6) }],
      categories: [at(i + 7), at(i + 8)],
      imageUrl: `https://ex.example/${i}.png`,
      published: day,
      updated: day,
      audio: [
        {
          url: `https://ex.example/${i}.mp3`,
          mimeType: 'audio/mpeg',
          sizeBytes: 9,
          durationSeconds: 1536,
          title: at(i + 9),
        },
      ],
    })),
  };
}

function opmlModel(s: readonly string[]): OpmlDocument {
  return {
    title: s[0] ?? '',
    ownerName: s[1],
    dateModified: new Date(0),
    groups: [
      {
        title: s[2] ?? '',
        outlines: s.map((t) => ({ title: t, type: 'rss', xmlUrl: `https://ex.example/${t}`, htmlUrl: t })),
      },
    ],
  };
}

describe('XML escaping', () => {
  it('escapes markup in text and attributes', () => {
    expect(escapeText('a & b < c > d "e" ]]>')).toBe('a &amp; b &lt; c &gt; d "e" ]]&gt;');
    expect(escapeAttr('a & "b" <c>\tx\ny\rz')).toBe('a &amp; &quot;b&quot; &lt;c&gt;&#9;x&#10;y&#13;z');
  });

  it('drops what XML 1.0 cannot carry, marks unpaired surrogates with U+FFFD, keeps the rest', () => {
    expect(escapeText('ok\u0000\u0001\u000b\u001f\ufffe\uffff!')).toBe('ok!');
    expect(escapeText('lone \ud800 and \udfff end')).toBe('lone \ufffd and \ufffd end');
    expect(escapeText('line\r\nend')).toBe('line&#13;\nend');
    expect(escapeText('pair 😀 rtl \u202eשלום\u202c tab\tnl\n cr\r')).toBe(
      'pair 😀 rtl \u202eשלום\u202c tab\tnl\n cr&#13;',
    );
  });
});

describe('feeds are well-formed for any text in any field', () => {
  it('parses strictly (saxes) for thousands of hostile strings, and the text survives', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 25, maxLength: 40 }), (strings) => {
        const podcast = renderPodcastRss(podcastModel(strings));
        const titles = parseStrict(podcast, 'title');
        // every title (channel, image, items) comes back exactly as given, minus forbidden characters
        expect(titles[0]).toBe(stripForbidden(strings[1] as string));
        expect(titles.slice(2)).toEqual(
          strings.map((_, i) => stripForbidden(strings[(i + 1) % strings.length] as string)),
        );
        parseStrict(renderNewsRss(newsModel(strings)));
        const atom = renderAtom(newsModel(strings));
        expect(parseStrict(atom, 'id')[0]).toBe(stripForbidden(`urn:x:${strings[0]}`));
        parseStrict(renderOpml(opmlModel(strings)));
        const json = JSON.parse(renderJsonFeed(newsModel(strings)));
        expect(json.title).toBe(stripForbidden(strings[1] as string));
      }),
      { numRuns: 150, seed: 20261126 },
    );
  });

  it('passes xmllint for every format over a sample of hostile strings', async () => {
    const samples = fc.sample(fc.array(hostile, { minLength: 25, maxLength: 40 }), { numRuns: 12, seed: 7 });
    const files = samples.flatMap((strings, i) => [
      { fileName: `podcast-${i}.xml`, contents: renderPodcastRss(podcastModel(strings)) },
      { fileName: `rss-${i}.xml`, contents: renderNewsRss(newsModel(strings)) },
      { fileName: `atom-${i}.xml`, contents: renderAtom(newsModel(strings)) },
      { fileName: `opml-${i}.xml`, contents: renderOpml(opmlModel(strings)) },
    ]);
    const result = await xmllint(files);
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is caught by the same checks when escaping is skipped (the checks can fail)', async () => {
    const broken = '<?xml version="1.0"?><rss><title>a \u0001 & b</title></rss>';
    expect(() => parseStrict(broken)).toThrow();
    const result = await xmllint([{ fileName: 'broken.xml', contents: broken }]);
    expect(result.valid).toBe(false);
  });
});
