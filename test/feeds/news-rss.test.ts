import { describe, expect, it } from 'vitest';
import { EMPTY_HTML, type Html } from '../../src/domain/html.ts';
import type { NewsFeed, NewsItem } from '../../src/feeds/model.ts';
import { renderNewsRss } from '../../src/feeds/news-rss.ts';
import { child, childrenNamed, htmlFragment, markupShape, readXml } from '../helpers/read-markup.ts';

const DAY = new Date('2026-10-16T07:30:00Z');

const article = (extra: Partial<NewsItem> = {}): NewsItem => ({
  id: 'urn:uuid:3d9d23c4-aa32-4356-9a4e-169b5be87de0',
  url: 'https://news.example/articles/tide-mill',
  title: 'The tide mill turns again',
  summary: 'Ninety years on, the wheel turns.',
  contentHtml: EMPTY_HTML,
  authors: [],
  categories: ['Town'],
  published: DAY,
  updated: DAY,
  audio: [],
  ...extra,
});

const feed = (items: NewsItem[]): NewsFeed => ({
  id: 'https://news.example/feed.xml',
  title: 'Millbrook Courier',
  description: 'News & views',
  language: 'en',
  homeUrl: 'https://news.example/',
  selfUrl: 'https://news.example/feed.xml',
  pages: { first: 'https://news.example/feed.xml', last: 'https://news.example/feed.xml' },
  updated: DAY,
  generator: 'podwire',
  items,
});

const itemOf = (xml: string) => child(child(readXml(xml), 'channel'), 'item');

describe('renderNewsRss', () => {
  it('sends a plain-text standfirst as text in the HTML description: typed markup is escaped, not live', () => {
    const summary = '<img src=x onerror=alert(2)> & &amp; "quoted"';
    const description = child(itemOf(renderNewsRss(feed([article({ summary })]))), 'description').text;
    // Decoded once (XML), the description is HTML that shows the standfirst as typed.
    expect(description).toBe('&lt;img src=x onerror=alert(2)&gt; &amp; &amp;amp; "quoted"');
    expect(markupShape(htmlFragment(description))).toEqual([]);
    expect(htmlFragment(description).textContent).toBe(summary);
  });

  it('sends the sanitised body as HTML: in content:encoded, and in description when there is no standfirst', () => {
    const body = '<p>The wheel <a href="https://news.example/mill">turned</a> &amp; hummed.</p>' as Html;
    const item = itemOf(renderNewsRss(feed([article({ summary: '', contentHtml: body })])));
    expect(child(item, 'description').text).toBe(body);
    expect(childrenNamed(item, 'content:encoded').map((e) => e.text)).toEqual([body]);
  });

  it('keeps the title and the channel description plain text (RSS Profile)', () => {
    const title = 'Fish & chips <3';
    const channel = child(readXml(renderNewsRss(feed([article({ title })]))), 'channel');
    expect(child(channel, 'description').text).toBe('News & views');
    expect(child(child(channel, 'item'), 'title').text).toBe(title);
  });
});
