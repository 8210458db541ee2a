/** @jsxImportSource hono/jsx */
// The document every page shares: head (meta, feeds, stylesheet, JSON-LD), skip link, header, footer.

import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { SiteChrome } from '../catalog/pages/site-chrome.ts';
import { SITE_ASSETS } from './assets/site-assets.ts';
import { type HeadMeta, jsonLdText } from './head-meta.ts';

export function Head(props: { meta: HeadMeta }) {
  const { meta } = props;
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
      <link rel="stylesheet" href={SITE_ASSETS.css.path} />
      <script src={SITE_ASSETS.js.path} defer />
      {meta.jsonLd ? <script type="application/ld+json">{raw(jsonLdText(meta.jsonLd))}</script> : null}
    </head>
  );
}

/** `banner`: a notice above the page (the studio's preview of a draft says so there). */
export function Page(props: { chrome: SiteChrome; meta: HeadMeta; banner?: Child; children: Child }) {
  const { chrome, meta } = props;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={chrome.language}>
        <Head meta={meta} />
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
