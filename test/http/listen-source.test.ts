import { describe, expect, it } from 'vitest';
import { sourceOf } from '../../src/http/listen-tap.ts';

describe('sourceOf (the page a web play came from)', () => {
  it('keeps the path of a page on this site, without query or fragment', () => {
    expect(
      sourceOf('https://news.example/articles/tide-mill?utm_source=x#listen', 'https://news.example'),
    ).toBe('/articles/tide-mill');
  });

  it('reads paths relative to a BASE_URL with a path', () => {
    expect(sourceOf('https://example.org/news/articles/a', 'https://example.org/news')).toBe('/articles/a');
  });

  it('names another site by its origin only, and ignores what is not an http(s) URL', () => {
    expect(sourceOf('https://blog.example/2026/11/post?token=secret', 'https://news.example')).toBe(
      'https://blog.example',
    );
    expect(sourceOf('android-app://com.example', 'https://news.example')).toBe('');
    expect(sourceOf('not a url', 'https://news.example')).toBe('');
    expect(sourceOf(undefined, 'https://news.example')).toBe('');
  });

  it('does not attribute absurdly long paths', () => {
    expect(sourceOf(`https://news.example/${'a'.repeat(400)}`, 'https://news.example')).toBe('');
  });
});
