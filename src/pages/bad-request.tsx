/** @jsxImportSource hono/jsx */
// The friendly page for an address the site cannot answer as asked (a 4xx, such as a bad page number).
import type { SiteChrome } from '../catalog/pages/site-chrome.ts';
import { listingHead } from './head-meta.ts';
import { Page } from './layout.tsx';

/** `detail` is the error's own message: what is wrong with the address, for the reader to fix. */
export function BadRequestView(props: { chrome: SiteChrome; status: number; detail: string }) {
  const { chrome, status, detail } = props;
  const title = status === 400 ? 'This address is not quite right' : 'This request cannot be answered';
  const meta = { ...listingHead(chrome, { title, canonical: chrome.homeUrl }), robots: 'noindex' };
  return (
    <Page chrome={chrome} meta={meta}>
      <h1>{title}</h1>
      <p>What is wrong: {detail}.</p>
      <p>
        Try the <a href={chrome.homeUrl}>latest news</a>, one of the sections, or the{' '}
        <a href={chrome.podcastsUrl}>podcasts</a>.
      </p>
    </Page>
  );
}
