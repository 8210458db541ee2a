/** @jsxImportSource hono/jsx */
// The document every page shares: head (meta, feeds, stylesheet, JSON-LD), skip link, header, footer.

import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { SiteChrome } from '../catalog/pages/site-chrome.ts';
import { MAX_QUERY_CHARS } from '../catalog/search/search-query.ts';
import { SITE_ASSETS } from './assets/site-assets.ts';
import { type HeadMeta, jsonLdText } from './head-meta.ts';

/** `search`: the site's OpenSearch description, for the `rel="search"` link. */
/** The search box takes what a search reads (longer queries are cut there anyway). */
const SEARCH_BOX_MAX = MAX_QUERY_CHARS;

export function Head(props: { meta: HeadMeta; search?: { title: string; href: string } }) {
  const { meta, search } = props;
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{meta.title}</title>
      <meta name="description" content={meta.description} />
      {meta.robots ? <meta name="robots" content={meta.robots} /> : null}
      <link rel="canonical" href={meta.canonical} />
      {meta.feeds.map((feed) => (
        <link rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
      ))}
      {meta.oembed ? (
        <link rel="alternate" type="application/json+oembed" href={meta.oembed} title={meta.title} />
      ) : null}
      {meta.og.map(([property, content]) => (
        <meta property={property} content={content} />
      ))}
      {meta.twitter.map(([name, content]) => (
        <meta name={name} content={content} />
      ))}
      {search ? (
        <link
          rel="search"
          type="application/opensearchdescription+xml"
          title={search.title}
          href={search.href}
        />
      ) : null}
      <link rel="stylesheet" href={SITE_ASSETS.css.path} />
      <script src={SITE_ASSETS.js.path} defer />
      {meta.jsonLd ? <script type="application/ld+json">{raw(jsonLdText(meta.jsonLd))}</script> : null}
    </head>
  );
}

/**
 * `banner`: a notice above the page (the studio's preview of a draft says so there); `searchQuery`:
 * what the header's search box holds (the search page keeps the reader's query there).
 */
export function Page(props: {
  chrome: SiteChrome;
  meta: HeadMeta;
  banner?: Child;
  searchQuery?: string;
  children: Child;
}) {
  const { chrome, meta } = props;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={chrome.language}>
        <Head meta={meta} search={{ title: chrome.siteTitle, href: chrome.openSearchUrl }} />
        <body>
          {props.banner ?? null}
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="site-header">
            <div class="wrap">
              <a class="brand" href={chrome.homeUrl}>
                {chrome.siteTitle}
              </a>
              <nav class="site-nav" aria-label="Sections">
                <ul>
                  {chrome.sections.map((section) => (
                    <li>
                      <a href={section.url}>{section.title}</a>
                    </li>
                  ))}
                  <li>
                    <a href={chrome.podcastsUrl}>Podcasts</a>
                  </li>
                </ul>
              </nav>
              {/* A plain GET form: search works without JavaScript. */}
              <search class="site-search">
                <form action={chrome.searchUrl} method="get">
                  <label for="site-search-q" class="visually-hidden">
                    Search {chrome.siteTitle}
                  </label>
                  <input
                    id="site-search-q"
                    type="search"
                    name="q"
                    value={props.searchQuery ?? ''}
                    maxlength={SEARCH_BOX_MAX}
                    placeholder="Search articles and episodes"
                  />
                  <button type="submit">Search</button>
                </form>
              </search>
            </div>
          </header>
          <main id="main" class="wrap">
            {props.children}
          </main>
          <footer class="site-footer">
            <div class="wrap">
              <h2>Follow</h2>
              <ul>
                {chrome.siteFeeds.map((feed) => (
                  <li>
                    <a href={feed.href} type={feed.type}>
                      {feed.title}
                    </a>
                  </li>
                ))}
                {chrome.shows.map((show) => (
                  <li>
                    <a href={show.url}>{show.title}</a> (podcast)
                  </li>
                ))}
                <li>
                  <a href={chrome.opmlUrl}>All feeds (OPML)</a>
                </li>
                <li>
                  <a href={chrome.listenLaterUrl}>Your Listen later list</a>
                </li>
              </ul>
              <p>{chrome.siteDescription}</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
