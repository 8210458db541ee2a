/** @jsxImportSource hono/jsx */
// The search page: the query kept in its box, a page of ranked results with highlighted snippets, a pager.
import { raw } from 'hono/html';
import type { SiteChrome } from '../catalog/pages/site-chrome.ts';
import type { SearchPage, SearchResult } from '../catalog/search/site-search.ts';
import { formatDateTime } from '../domain/dates.ts';
import { listingHead } from './head-meta.ts';
import { Page } from './layout.tsx';

const KIND_LABEL: Readonly<Record<SearchResult['kind'], string>> = {
  article: 'Article',
  episode: 'Episode',
  transcript: 'Said in',
};

function Result(props: { result: SearchResult; timeZone: string }) {
  const { result, timeZone } = props;
  return (
    <li>
      <article>
        <p class="kicker">
          {KIND_LABEL[result.kind]}
          {result.show ? (
            <>
              {' '}
              <a href={result.show.url}>{result.show.title}</a>
            </>
          ) : null}
          {result.startText ? ` at ${result.startText}` : null}
        </p>
        <h2>
          {/* Escaped text with <mark> around matched words (markedHtml): never markup from content. */}
          <a href={result.url}>{raw(result.titleHtml)}</a>
        </h2>
        <p class="meta">
          <time datetime={result.publishedAt.toISOString()}>
            {formatDateTime(result.publishedAt, timeZone)}
          </time>
        </p>
        {result.snippet ? <p>{raw(result.snippetHtml)}</p> : null}
        {result.startSeconds !== undefined ? (
          <p>
            <a href={result.url}>Listen from {result.startText}</a>
          </p>
        ) : null}
      </article>
    </li>
  );
}

export function SearchView(props: { chrome: SiteChrome; search: SearchPage; timeZone: string }) {
  const { chrome, search, timeZone } = props;
  const asked = search.query !== '';
  const pageNote = search.page > 1 ? ` (page ${search.page} of ${search.lastPage})` : '';
  const title = asked ? `Search: ${search.query}${pageNote}` : 'Search';
  // Result pages are not for search engines to index (they would index their own results).
  const meta = {
    ...listingHead(chrome, { title, canonical: search.pageUrl(search.page) }),
    robots: 'noindex',
  };
  return (
    <Page chrome={chrome} meta={meta} searchQuery={search.query}>
      <h1>{asked ? `Results for “${search.query}”` : 'Search'}</h1>
      <search class="search-form">
        <form action={chrome.searchUrl} method="get">
          <label for="search-q" class="visually-hidden">
            Search articles, episodes and transcripts
          </label>
          <input id="search-q" type="search" name="q" value={search.query} />
          <button type="submit">Search</button>
        </form>
      </search>
      {search.notice ? <p role="status">{search.notice}</p> : null}
      {asked ? (
        <p role="status">
          {search.total === 0
            ? 'Nothing found. Try fewer or different words.'
            : `${search.totalIsExact ? '' : 'More than '}${search.total} ${search.total === 1 ? 'result' : 'results'}${pageNote}${search.totalIsExact ? '' : ': add words to narrow the search'}`}
        </p>
      ) : (
        <p>Search articles, episodes and what is said in them.</p>
      )}
      {search.results.length > 0 ? (
        <ol class="cards results">
          {search.results.map((result) => (
            <Result result={result} timeZone={timeZone} />
          ))}
        </ol>
      ) : null}
      {search.lastPage > 1 ? (
        <nav class="pager" aria-label="Pages">
          {search.page > 1 ? (
            <a href={search.pageUrl(Math.min(search.page - 1, search.lastPage))} rel="prev">
              ← Previous
            </a>
          ) : (
            <span />
          )}
          {search.page < search.lastPage ? (
            <a href={search.pageUrl(search.page + 1)} rel="next">
              Next →
            </a>
          ) : null}
        </nav>
      ) : null}
    </Page>
  );
}
