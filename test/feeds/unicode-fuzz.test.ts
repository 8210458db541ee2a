import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHtmlSanitizer } from '../../src/catalog/html-sanitizer.ts';
import type { Html } from '../../src/domain/html.ts';
import { renderAtom } from '../../src/feeds/atom.ts';
import { renderJsonFeed } from '../../src/feeds/json-feed.ts';
import { renderNewsRss } from '../../src/feeds/news-rss.ts';
import { renderOpml } from '../../src/feeds/opml.ts';
import { renderPodcastRss } from '../../src/feeds/podcast-rss.ts';
import { renderNewsSitemap } from '../../src/feeds/sitemap.ts';
import { stripForbidden } from '../../src/feeds/xml.ts';
import {
  FUZZ_BASE,
  fuzzNewsFeed,
  fuzzNewsSitemap,
  fuzzOpml,
  fuzzPodcastFeed,
  type Texts,
} from '../helpers/fuzz-feed-models.ts';
import { hostileHtml, hostileText } from '../helpers/hostile-text.ts';
import { expectPlain, expectSanitised, expectTextAsHtml } from '../helpers/markup-expectations.ts';
import { allElements, child, childrenNamed, readXml } from '../helpers/read-markup.ts';
import { xmllint } from '../helpers/xmllint.ts';

const sanitize = createHtmlSanitizer({ baseUrl: FUZZ_BASE });
const RUNS = { numRuns: 150, seed: 20261127 };

/** 64 generated strings for the text fields, and three bodies that went through the real sanitiser. */
const generated = fc.record({
  texts: fc.array(hostileText, { minLength: 64, maxLength: 64 }),
  bodies: fc.array(
    hostileHtml.map((html) => sanitize(html) as Html),
    { minLength: 3, maxLength: 3 },
  ),
});
const pool =
  (texts: readonly string[]): Texts =>
  (i) =>
    texts[i % texts.length] as string;

describe('feeds given any Unicode in every text field', () => {
  it('RSS 2.0: description is HTML (text escaped for it, bodies exactly as sanitised); titles, categories and creators plain', () => {
    fc.assert(
      fc.property(generated, ({ texts, bodies }) => {
        const feed = fuzzNewsFeed(pool(texts), bodies);
        const channel = child(readXml(renderNewsRss(feed)), 'channel');
        expectPlain(child(channel, 'title'), feed.title, 'channel title');
        // RSS Profile: the channel description is plain text (feedvalidator checks it as non-HTML).
        expectPlain(child(channel, 'description'), feed.description, 'channel description');
        childrenNamed(channel, 'item').forEach((item, i) => {
          const model = feed.items[i]!;
          expectPlain(child(item, 'title'), model.title, `item ${i} title`);
          const description = child(item, 'description').text;
          if (model.summary) expectTextAsHtml(description, model.summary, `item ${i} description`);
          else expectSanitised(description, model.contentHtml, `item ${i} description`);
          const encoded = childrenNamed(item, 'content:encoded')[0];
          if (model.contentHtml) expectSanitised(encoded?.text ?? '', model.contentHtml, `item ${i} body`);
          expect(childrenNamed(item, 'category').map((c) => c.text)).toEqual(
            model.categories.map(stripForbidden),
          );
          expectPlain(child(item, 'dc:creator'), model.authors[0]!.name, `item ${i} creator`);
        });
      }),
      RUNS,
    );
  });

  it('Atom: text constructs are type text and plain, content is type html and exactly the sanitised body', () => {
    fc.assert(
      fc.property(generated, ({ texts, bodies }) => {
        const feed = fuzzNewsFeed(pool(texts), bodies);
        const root = readXml(renderAtom(feed));
        expectPlain(child(root, 'title'), feed.title, 'feed title');
        // RFC 4287 §3.1: a text construct without type= is text; only content is sent as html.
        const typed = allElements(root).filter(
          (e) => e.attributes.type === 'html' || e.attributes.type === 'xhtml',
        );
        expect(typed.map((e) => e.name)).toEqual(
          feed.items.filter((i) => i.contentHtml).map(() => 'content'),
        );
        childrenNamed(root, 'entry').forEach((entry, i) => {
          const model = feed.items[i]!;
          expectPlain(child(entry, 'title'), model.title, `entry ${i} title`);
          if (model.summary) expectPlain(child(entry, 'summary'), model.summary, `entry ${i} summary`);
          if (model.contentHtml)
            expectSanitised(child(entry, 'content').text, model.contentHtml, `entry ${i} content`);
        });
      }),
      RUNS,
    );
  });

  it('JSON Feed: parses; content_html is exactly the sanitised body, every item has content, the rest is plain', () => {
    fc.assert(
      fc.property(generated, ({ texts, bodies }) => {
        const feed = fuzzNewsFeed(pool(texts), bodies);
        const json = JSON.parse(renderJsonFeed(feed));
        expect(json.title).toBe(stripForbidden(feed.title));
        feed.items.forEach((model, i) => {
          const item = json.items[i];
          // JSON Feed 1.1: content_html or content_text, one or both, must be present.
          expect('content_html' in item || 'content_text' in item, `item ${i} content`).toBe(true);
          if (model.contentHtml)
            expectSanitised(item.content_html, model.contentHtml, `item ${i} content_html`);
          expect(item.title).toBe(stripForbidden(model.title));
          if (model.summary) expect(item.summary).toBe(stripForbidden(model.summary));
        });
      }),
      RUNS,
    );
  });

  it('podcast RSS: both descriptions are HTML (text escaped for it); itunes and podcast elements plain', () => {
    fc.assert(
      fc.property(generated, ({ texts, bodies }) => {
        const feed = fuzzPodcastFeed(pool(texts), bodies);
        const channel = child(readXml(renderPodcastRss(feed)), 'channel');
        expectPlain(child(channel, 'title'), feed.title, 'channel title');
        // Apple Podcasts: the channel description may carry <p>, <ol>, <ul>, <li> and <a>.
        expectTextAsHtml(child(channel, 'description').text, feed.description, 'channel description');
        if (feed.subtitle) expectPlain(child(channel, 'itunes:subtitle'), feed.subtitle, 'itunes:subtitle');
        expectPlain(child(channel, 'itunes:author'), feed.author, 'itunes:author');
        expectPlain(child(channel, 'podcast:person'), feed.persons[0]!.name, 'podcast:person');
        expectPlain(child(channel, 'podcast:funding'), feed.funding[0]!.title, 'podcast:funding');
        expectPlain(child(channel, 'podcast:txt'), feed.txt[0]!.value, 'podcast:txt');
        expectPlain(
          child(channel, 'podcast:updateFrequency'),
          feed.updateFrequency!.label,
          'updateFrequency',
        );
        childrenNamed(channel, 'item').forEach((item, i) => {
          const model = feed.items[i]!;
          expectPlain(child(item, 'title'), model.title, `item ${i} title`);
          const description = child(item, 'description').text;
          if (model.contentHtml) {
            expectSanitised(description, model.contentHtml, `item ${i} description`);
            expectSanitised(child(item, 'content:encoded').text, model.contentHtml, `item ${i} notes`);
          } else expectTextAsHtml(description, model.summary, `item ${i} description`);
          expectPlain(child(item, 'podcast:person'), model.persons[0]!.name, `item ${i} person`);
        });
      }),
      RUNS,
    );
  });

  it('OPML: outline text is HTML (OPML 2.0), so text is escaped for it; title and description plain', () => {
    fc.assert(
      fc.property(generated, ({ texts }) => {
        const doc = fuzzOpml(pool(texts));
        const opml = readXml(renderOpml(doc));
        expectPlain(child(child(opml, 'head'), 'title'), doc.title, 'head title');
        childrenNamed(child(opml, 'body'), 'outline').forEach((group, g) => {
          const model = doc.groups[g]!;
          expectTextAsHtml(group.attributes.text ?? '', model.title, `group ${g} text`);
          childrenNamed(group, 'outline').forEach((outline, o) => {
            const feed = model.outlines[o]!;
            expectTextAsHtml(outline.attributes.text ?? '', feed.title, `outline ${g}.${o} text`);
            expect(outline.attributes.title).toBe(stripForbidden(feed.title));
            expect(outline.attributes.description).toBe(stripForbidden(feed.description ?? ''));
          });
        });
      }),
      RUNS,
    );
  });

  it('news sitemap: titles plain', () => {
    fc.assert(
      fc.property(generated, ({ texts }) => {
        const entries = fuzzNewsSitemap(pool(texts));
        const urls = childrenNamed(
          readXml(renderNewsSitemap({ name: texts[9]!, language: 'en' }, entries)),
          'url',
        );
        urls.forEach((url, i) => {
          expectPlain(child(child(url, 'news:news'), 'news:title'), entries[i]!.title, `entry ${i} title`);
        });
      }),
      RUNS,
    );
  });

  it('every XML format passes xmllint over a sample of the same inputs', async () => {
    const files = fc.sample(generated, { numRuns: 60, seed: RUNS.seed }).flatMap(({ texts, bodies }, i) => {
      const t = pool(texts);
      return [
        { fileName: `rss-${i}.xml`, contents: renderNewsRss(fuzzNewsFeed(t, bodies)) },
        { fileName: `atom-${i}.xml`, contents: renderAtom(fuzzNewsFeed(t, bodies)) },
        { fileName: `podcast-${i}.xml`, contents: renderPodcastRss(fuzzPodcastFeed(t, bodies)) },
        { fileName: `opml-${i}.xml`, contents: renderOpml(fuzzOpml(t)) },
        {
          fileName: `news-sitemap-${i}.xml`,
          contents: renderNewsSitemap({ name: t(9), language: t(10) }, fuzzNewsSitemap(t)),
        },
      ];
    });
    const result = await xmllint(files);
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
