import { describe, expect, it } from 'vitest';
import { EMPTY_HTML, type Html } from '../../src/domain/html.ts';
import { renderJsonFeed } from '../../src/feeds/json-feed.ts';
import type { NewsFeed, NewsItem } from '../../src/feeds/model.ts';

const DAY = new Date('2026-10-16T07:30:00Z');

const item = (extra: Partial<NewsItem>): NewsItem => ({
  id: 'urn:uuid:3d9d23c4-aa32-4356-9a4e-169b5be87de0',
  url: 'https://news.example/articles/tide-mill',
  title: 'The tide mill turns again',
  summary: 'Ninety years on, <the wheel> turns & hums.',
  contentHtml: EMPTY_HTML,
  authors: [],
  categories: [],
  published: DAY,
  updated: DAY,
  audio: [],
  ...extra,
});

const feed = (items: NewsItem[]): NewsFeed => ({
  id: 'https://news.example/feed.json',
  title: 'Millbrook Courier',
  description: '',
  language: 'en',
  homeUrl: 'https://news.example/',
  selfUrl: 'https://news.example/feed.json',
  pages: { first: 'https://news.example/feed.json', last: 'https://news.example/feed.json' },
  updated: DAY,
  generator: 'podwire',
  items,
});

describe('renderJsonFeed', () => {
  it('gives an item without a body its standfirst as content_text (JSON Feed 1.1 wants one or both)', () => {
    const [noBody, noText] = JSON.parse(renderJsonFeed(feed([item({}), item({ summary: '' })]))).items;
    expect(noBody).toMatchObject({ content_text: 'Ninety years on, <the wheel> turns & hums.' });
    expect(noBody).not.toHaveProperty('content_html');
    expect(noText).toMatchObject({ content_text: '' });
  });

  it('sends a body as content_html only, and the standfirst as the plain-text summary', () => {
    const body = '<p>The wheel turned.</p>' as Html;
    const [json] = JSON.parse(renderJsonFeed(feed([item({ contentHtml: body })]))).items;
    expect(json).toMatchObject({ content_html: body, summary: 'Ninety years on, <the wheel> turns & hums.' });
    expect(json).not.toHaveProperty('content_text');
  });
});
