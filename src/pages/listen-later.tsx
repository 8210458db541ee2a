/** @jsxImportSource hono/jsx */
// The Listen later page: a shell the site script fills from the list kept in this browser; without
// the script (or with an empty list) it says how the list works.
import type { SiteChrome } from '../catalog/pages/site-chrome.ts';
import { listingHead } from './head-meta.ts';
import { Page } from './layout.tsx';

export function ListenLaterView(props: { chrome: SiteChrome }) {
  const { chrome } = props;
  const meta = {
    ...listingHead(chrome, { title: 'Listen later', canonical: chrome.listenLaterUrl }),
    robots: 'noindex',
  };
  return (
    <Page chrome={chrome} meta={meta}>
      <h1 tabindex={-1}>Listen later</h1>
      <p>
        Episodes you keep with a player’s <strong>Listen later</strong> button. The list stays in this
        browser: no account, nothing is sent to us.
      </p>
      <div data-listen-later="">
        <p data-empty="">
          Nothing here yet. Find an episode among the <a href={chrome.podcastsUrl}>podcasts</a> and press
          Listen later beside its player.
        </p>
        <noscript>
          <p>The list needs JavaScript, which is off in this browser; every episode plays without it.</p>
        </noscript>
        <ol class="cards later-list" data-list="" hidden />
        <p class="meta" role="status" data-status="" />
      </div>
    </Page>
  );
}
