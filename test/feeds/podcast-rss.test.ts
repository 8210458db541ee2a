import { parseFeed } from 'podcast-partytime';
import { describe, expect, it } from 'vitest';
import { EMPTY_HTML, type Html } from '../../src/domain/html.ts';
import type { PodcastFeed, PodcastItem } from '../../src/feeds/model.ts';
import { renderPodcastRss } from '../../src/feeds/podcast-rss.ts';
import { child, childrenNamed, htmlFragment, markupShape, readXml } from '../helpers/read-markup.ts';

const item = (n: number, extra: Partial<PodcastItem> = {}): PodcastItem => ({
  guid: `guid-${n}`,
  title: `Episode ${n}`,
  link: `https://news.example/podcasts/weekly/${n}`,
  published: new Date(Date.UTC(2026, 0, n)),
  summary: `Summary ${n}`,
  contentHtml: EMPTY_HTML,
  enclosure: {
    url: `https://news.example/media/abc/weekly/${n}.mp3`,
    sizeBytes: 1000 + n,
    mimeType: 'audio/mpeg',
  },
  durationSeconds: 1535.6,
  episodeType: 'full',
  episode: n,
  explicit: false,
  block: false,
  persons: [],
  alternates: [],
  ...extra,
});

const feed = (extra: Partial<PodcastFeed> = {}): PodcastFeed => ({
  selfUrl: 'https://news.example/podcasts/weekly/feed.xml',
  title: 'The Weekly',
  subtitle: '',
  description: 'A weekly programme.',
  language: 'en',
  link: 'https://news.example/podcasts/weekly',
  author: 'The Newsroom',
  owner: { name: 'Audio desk', email: 'audio@news.example' },
  imageUrl: 'https://news.example/media/abc/weekly/art.png',
  categories: [
    { category: 'News', subcategory: 'Daily News' },
    { category: 'News', subcategory: 'Politics' },
    { category: 'Society & Culture' },
  ],
  explicit: false,
  type: 'serial',
  generator: 'podwire',
  lastBuildDate: new Date(Date.UTC(2026, 0, 5)),
  block: false,
  complete: false,
  podcastGuid: '3b8215f3-8fb3-5436-aeba-56d3a4abe4ec',
  locked: false,
  funding: [],
  persons: [],
  medium: 'podcast',
  txt: [],
  podroll: [],
  items: [item(2), item(1)],
  ...extra,
});

describe('renderPodcastRss', () => {
  it('writes Podlove Simple Chapters inline, declaring psc only when an item has chapters', () => {
    expect(renderPodcastRss(feed({ items: [item(1)] }))).not.toContain('psc');
    const xml = renderPodcastRss(
      feed({
        items: [
          item(1, {
            chapters: [
              { startSeconds: 0, title: 'A & B' },
              { startSeconds: 3599.9996, title: 'Hour', url: 'https://a.example/?x=1&y=2' },
            ],
          }),
        ],
      }),
    );
    expect(xml).toContain(' xmlns:psc="http://podlove.org/simple-chapters">');
    expect(xml).toContain(
      '<psc:chapters version="1.2">\n<psc:chapter start="00:00:00.000" title="A &amp; B"/>\n' +
        '<psc:chapter start="01:00:00.000" title="Hour" href="https://a.example/?x=1&amp;y=2"/>\n</psc:chapters>',
    );
  });

  it('rounds itunes:duration to whole seconds (1535.6 -> 1536)', () => {
    expect(parseFeed(renderPodcastRss(feed()))?.items.map((i) => i.duration)).toEqual([1536, 1536]);
    expect(renderPodcastRss(feed())).toContain('<itunes:duration>1536</itunes:duration>');
  });

  it('nests subcategories under one element per main category, with & escaped in the attribute', () => {
    const xml = renderPodcastRss(feed());
    expect(xml).toContain(
      '<itunes:category text="News"><itunes:category text="Daily News"/><itunes:category text="Politics"/></itunes:category>',
    );
    expect(xml).toContain('<itunes:category text="Society &amp; Culture"/>');
  });

  it('writes moves, blocks and completion as Apple reads them', () => {
    const parsed = parseFeed(
      renderPodcastRss(
        feed({ block: true, complete: true, newFeedUrl: 'https://new.example/feed.xml', locked: true }),
      ),
    );
    expect(parsed).toMatchObject({
      itunesBlock: true,
      itunesComplete: true,
      itunesNewFeedUrl: 'https://new.example/feed.xml',
      locked: true,
      podcastOwner: 'audio@news.example',
    });
  });

  it('writes the Podcasting 2.0 channel tags: txt, podroll, person with links', () => {
    const parsed = parseFeed(
      renderPodcastRss(
        feed({
          txt: [{ value: 'verify-me', purpose: 'verify' }],
          podroll: [
            {
              feedGuid: '917393e3-1b1e-5cef-ace4-edaa54e1f810',
              feedUrl: 'https://mp3s.nashownotes.com/pc20rss.xml',
            },
          ],
          persons: [
            {
              name: 'Ada',
              role: 'host',
              group: 'cast',
              url: 'https://ada.example',
              imageUrl: 'https://ada.example/a.jpg',
            },
          ],
          updateFrequency: { rrule: 'FREQ=WEEKLY', label: 'Weekly' },
        }),
      ),
    );
    expect(parsed?.podcastTxt).toEqual([{ value: 'verify-me', purpose: 'verify' }]);
    expect(parsed?.podroll).toEqual([
      {
        feedGuid: '917393e3-1b1e-5cef-ace4-edaa54e1f810',
        feedUrl: 'https://mp3s.nashownotes.com/pc20rss.xml',
      },
    ]);
    expect(parsed?.podcastPeople).toEqual([
      {
        name: 'Ada',
        role: 'Host',
        group: 'Cast',
        img: 'https://ada.example/a.jpg',
        href: 'https://ada.example',
      },
    ]);
    expect(renderPodcastRss(feed({ updateFrequency: { rrule: 'FREQ=WEEKLY', label: 'Weekly' } }))).toContain(
      '<podcast:updateFrequency rrule="FREQ=WEEKLY">Weekly</podcast:updateFrequency>',
    );
  });

  it('writes transcripts and alternate enclosures per episode', () => {
    const parsed = parseFeed(
      renderPodcastRss(
        feed({
          items: [
            item(1, {
              transcript: { url: 'https://news.example/t.vtt', mimeType: 'text/vtt', language: 'en' },
              alternates: [
                {
                  url: 'https://news.example/1.mp3',
                  sizeBytes: 1001,
                  mimeType: 'audio/mpeg',
                  title: 'Standard',
                  isDefault: true,
                  bitrate: 128000,
                },
                {
                  url: 'https://news.example/1.opus',
                  sizeBytes: 500,
                  mimeType: 'audio/ogg',
                  title: 'Small',
                  isDefault: false,
                },
              ],
            }),
          ],
        }),
      ),
    );
    const [first] = parsed?.items ?? [];
    expect(first?.podcastTranscripts).toEqual([
      { url: 'https://news.example/t.vtt', type: 'text/vtt', language: 'en' },
    ]);
    expect(
      first?.alternativeEnclosures?.map((a) => [a.type, a.length, a.default, a.title, a.source[0]?.uri]),
    ).toEqual([
      ['audio/mpeg', 1001, true, 'Standard', 'https://news.example/1.mp3'],
      ['audio/ogg', 500, false, 'Small', 'https://news.example/1.opus'],
    ]);
  });

  it('sends a plain-text summary as text in the HTML description: typed markup is escaped, not live', () => {
    const summary = '<img src=x onerror=alert(2)> & &amp; "quoted"';
    const channel = child(readXml(renderPodcastRss(feed({ items: [item(1, { summary })] }))), 'channel');
    const description = child(child(channel, 'item'), 'description').text;
    expect(description).toBe('&lt;img src=x onerror=alert(2)&gt; &amp; &amp;amp; "quoted"');
    expect(markupShape(htmlFragment(description))).toEqual([]);
    expect(htmlFragment(description).textContent).toBe(summary);
  });

  it('sends show notes as the HTML they are, in description and content:encoded', () => {
    const notes = '<p>Notes &amp; <a href="https://news.example/">links</a></p>' as Html;
    const episode = child(
      child(readXml(renderPodcastRss(feed({ items: [item(1, { contentHtml: notes })] }))), 'channel'),
      'item',
    );
    expect(child(episode, 'description').text).toBe(notes);
    expect(childrenNamed(episode, 'content:encoded').map((e) => e.text)).toEqual([notes]);
  });

  it('sends the plain-text show description as text in the channel description, which Apple reads as HTML', () => {
    const description = 'Talk & <b>bold</b> claims <script>alert(1)</script>';
    const channel = child(readXml(renderPodcastRss(feed({ description }))), 'channel');
    const html = htmlFragment(child(channel, 'description').text);
    expect(markupShape(html)).toEqual([]);
    expect(html.textContent).toBe(description);
  });

  it('declares the content namespace only when some episode has show notes', () => {
    expect(renderPodcastRss(feed())).not.toContain('xmlns:content');
    expect(renderPodcastRss(feed({ items: [item(1, { contentHtml: '<p>Notes</p>' as Html })] }))).toContain(
      'xmlns:content',
    );
  });

  it('is deterministic: the same model gives the same bytes', () => {
    expect(renderPodcastRss(feed())).toBe(renderPodcastRss(feed()));
  });
});
