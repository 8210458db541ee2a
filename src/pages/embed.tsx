/** @jsxImportSource hono/jsx */
// The embeddable player (iframes on other sites, twitter:player): the episode, its show, the player.
import { raw } from 'hono/html';
import type { EpisodePage } from '../catalog/pages/episode-page.ts';
import type { SiteChrome } from '../catalog/pages/site-chrome.ts';
import { episodeHead } from './head-meta.ts';
import { Head } from './layout.tsx';
import { Player } from './player.tsx';

export function EmbedView(props: { chrome: SiteChrome; page: EpisodePage; timeZone: string }) {
  const { chrome, page, timeZone } = props;
  const meta = { ...episodeHead(chrome, page), canonical: page.url, robots: 'noindex', jsonLd: undefined };
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={chrome.language}>
        <Head meta={meta} search={{ title: chrome.siteTitle, href: chrome.openSearchUrl }} />
        <body class="embed">
          <main>
            <div class="embed-head">
              {page.image ? <img src={page.image.url} alt="" width={64} height={64} /> : null}
              <div>
                <h1>
                  <a href={page.url} target="_blank" rel="noopener">
                    {page.title}
                  </a>
                </h1>
                <p>
                  <a href={page.show.url} target="_blank" rel="noopener">
                    {page.show.title}
                  </a>{' '}
                  · {chrome.siteTitle}
                </p>
              </div>
            </div>
            <Player player={page.player} timeZone={timeZone} bare external />
          </main>
        </body>
      </html>
    </>
  );
}
