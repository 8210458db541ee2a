import fc from 'fast-check';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { describe, expect, it } from 'vitest';
import { createHtmlSanitizer } from '../../src/catalog/html-sanitizer.ts';
import { embedIframe } from '../../src/catalog/pages/embed-code.ts';
import type { Html } from '../../src/domain/html.ts';
import { ArticleView } from '../../src/pages/article.tsx';
import { ArticleListPage } from '../../src/pages/article-list.tsx';
import { EmbedView } from '../../src/pages/embed.tsx';
import { EpisodeView } from '../../src/pages/episode.tsx';
import { NotFoundView } from '../../src/pages/not-found.tsx';
import { ShowsIndexView, ShowView } from '../../src/pages/show.tsx';
import { FUZZ_BASE, type Texts } from '../helpers/fuzz-feed-models.ts';
import {
  fuzzArticleList,
  fuzzArticlePage,
  fuzzChrome,
  fuzzEpisodePage,
  fuzzShowPage,
} from '../helpers/fuzz-page-models.ts';
import { hostileHtml, hostileText } from '../helpers/hostile-text.ts';
import { htmlDocument, htmlFragment, markupShape } from '../helpers/read-markup.ts';

const sanitize = createHtmlSanitizer({ baseUrl: FUZZ_BASE });
const RUNS = { numRuns: 100, seed: 20261128 };
const TZ = 'Europe/London';

const generated = fc.record({
  texts: fc.array(hostileText, { minLength: 81, maxLength: 81 }),
  bodies: fc.array(
    hostileHtml.map((html) => sanitize(html) as Html),
    { minLength: 3, maxLength: 3 },
  ),
  htmlTranscript: fc.boolean(),
});
type Generated = typeof generated extends fc.Arbitrary<infer T> ? T : never;

/** Every page, rendered from the generated text (or a stand-in for it). */
async function renderPages(t: Texts, { bodies, htmlTranscript }: Generated) {
  const chrome = fuzzChrome(t);
  const [body, notes, transcript] = bodies as [Html, Html, Html];
  const episode = fuzzEpisodePage(t, notes, htmlTranscript ? transcript : undefined);
  const show = fuzzShowPage(t);
  const views: Record<string, JSX.Element> = {
    article: ArticleView({ chrome, page: fuzzArticlePage(t, body), timeZone: TZ }),
    episode: EpisodeView({ chrome, page: episode, timeZone: TZ }),
    embed: EmbedView({ chrome, page: episode, timeZone: TZ }),
    show: ShowView({ chrome, page: show, timeZone: TZ }),
    shows: ShowsIndexView({ chrome, shows: [show], canonical: `${FUZZ_BASE}/podcasts` }),
    section: ArticleListPage({ chrome, list: fuzzArticleList(t), timeZone: TZ }),
    notFound: NotFoundView({ chrome, gone: true }),
  };
  const pages: Record<string, string> = {};
  for (const [name, view] of Object.entries(views)) pages[name] = String(await view.toString());
  return pages;
}

/** Text of the same length class that cannot be markup: what every non-space character becomes. */
const standIn = (text: string) => text.replace(/\S/gu, 'x');

const pool =
  (texts: readonly string[]): Texts =>
  (i) =>
    texts[i % texts.length] as string;

describe('pages given any Unicode in every text field', () => {
  it('have the markup they have for harmless text: text is only ever text, never elements or attributes', async () => {
    await fc.assert(
      fc.asyncProperty(generated, async (input) => {
        const hostile = await renderPages(pool(input.texts), input);
        const harmless = await renderPages(pool(input.texts.map(standIn)), input);
        for (const [name, html] of Object.entries(hostile)) {
          const doc = htmlDocument(html);
          // The same elements with the same attributes, in the same order: nothing was injected.
          expect(markupShape(doc), name).toEqual(markupShape(htmlDocument(harmless[name] as string)));
          const handlers = [...doc.querySelectorAll('*')].flatMap((el) =>
            [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName} ${a.name}`),
          );
          expect(handlers, name).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('keep JSON-LD inside its script: a </script> or <!-- in any field parses back as the same JSON', async () => {
    await fc.assert(
      fc.asyncProperty(generated, async (input) => {
        const t = pool(input.texts);
        const pages = await renderPages(t, input);
        const jsonLd = (name: string) => {
          const scripts = htmlDocument(pages[name] as string).querySelectorAll(
            'script[type="application/ld+json"]',
          );
          expect(scripts, name).toHaveLength(1);
          return JSON.parse(scripts[0]?.textContent ?? '');
        };
        expect(jsonLd('article').headline).toBe(fuzzArticlePage(t, input.bodies[0] as Html).headline);
        expect(jsonLd('episode').name).toBe(fuzzEpisodePage(t, input.bodies[1] as Html, undefined).title);
        expect(jsonLd('show').name).toBe(fuzzShowPage(t).title);
        expect(jsonLd('section').publisher.name).toBe(fuzzChrome(t).siteTitle);
        const article = htmlDocument(pages.article as string);
        expect(article.querySelector('h1')?.textContent).toBe(
          fuzzArticlePage(t, input.bodies[0] as Html).headline,
        );
      }),
      RUNS,
    );
  });

  it('give oEmbed and the embed code one iframe, whatever the title', () => {
    fc.assert(
      fc.property(hostileText, (title) => {
        const frame = htmlFragment(embedIframe(`${FUZZ_BASE}/podcasts/show/e/embed?${title}`, title));
        expect(markupShape(frame)).toEqual(['iframe[src,width,height,title,loading,style]']);
        expect(frame.querySelector('iframe')?.getAttribute('title')).toBe(title);
      }),
      { numRuns: 200, seed: RUNS.seed },
    );
  });
});
