/** @jsxImportSource hono/jsx */
// The friendly page for a missing (404) or deleted (410) address: what happened and where to go.
import type { SiteChrome } from '../catalog/pages/site-chrome.ts';
import { listingHead } from './head-meta.ts';
import { Page } from './layout.tsx';

export function NotFoundView(props: { chrome: SiteChrome; gone: boolean }) {
  const { chrome, gone } = props;
  const title = gone ? 'This page has been removed' : 'Page not found';
  const meta = { ...listingHead(chrome, { title, canonical: chrome.homeUrl }), robots: 'noindex' };
  return (
    <Page chrome={chrome} meta={meta}>
      <h1>{title}</h1>
      <p>
        {gone
          ? 'What was published at this address has been taken down and will not come back.'
          : 'There is nothing at this address. It may have been mistyped, or the link that led here is out of date.'}
      </p>
      <p>
        Try the <a href={chrome.homeUrl}>latest news</a>, one of the sections, or the{' '}
        <a href={chrome.podcastsUrl}>podcasts</a>.
      </p>
      <ul>
        {chrome.sections.map((s) => (
          <li>
            <a href={s.url}>{s.title}</a>
          </li>
        ))}
      </ul>
    </Page>
  );
}
