import { describe, expect, it } from 'vitest';
import { EMPTY_HTML } from '../../src/domain/html.ts';
import { renderAtom } from '../../src/feeds/atom.ts';
import type { NewsFeed } from '../../src/feeds/model.ts';
import { readXml } from '../helpers/read-markup.ts';

const DAY = new Date('2026-10-16T07:30:00Z');

const feed = (language: string): NewsFeed => ({
  id: 'https://news.example/feed.atom',
  title: 'Millbrook Courier',
  description: '',
  language,
  homeUrl: 'https://news.example/',
  selfUrl: 'https://news.example/feed.atom',
  pages: { first: 'https://news.example/feed.atom', last: 'https://news.example/feed.atom' },
  updated: DAY,
  generator: 'podwire',
  items: [
    {
      id: 'urn:uuid:3d9d23c4-aa32-4356-9a4e-169b5be87de0',
      url: 'https://news.example/articles/tide-mill',
      title: 'The tide mill turns again',
      summary: 'Ninety years on.',
      contentHtml: EMPTY_HTML,
      authors: [],
      categories: [],
      published: DAY,
      updated: DAY,
      audio: [],
    },
  ],
});

describe('renderAtom', () => {
  it('writes xml:lang as an escaped attribute, so any language value keeps the feed well-formed', () => {
    expect(readXml(renderAtom(feed('en-GB'))).attributes['xml:lang']).toBe('en-GB');
    expect(readXml(renderAtom(feed('en" onload="x'))).attributes['xml:lang']).toBe('en" onload="x');
    expect(readXml(renderAtom(feed(''))).attributes).not.toHaveProperty('xml:lang');
  });
});
