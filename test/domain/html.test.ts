import { describe, expect, it } from 'vitest';
import { htmlFromMarkedText, htmlFromText } from '../../src/domain/html.ts';
import { htmlFragment, markupShape } from '../helpers/read-markup.ts';

describe('htmlFromText', () => {
  it('escapes what HTML text content reads as markup, and nothing else', () => {
    expect(htmlFromText('a & b < c > d "e" \'f\'')).toBe('a &amp; b &lt; c &gt; d "e" \'f\'');
    expect(htmlFromText('&amp; &not')).toBe('&amp;amp; &amp;not');
  });

  it('gives HTML that parses back to exactly the text, with no elements', () => {
    const text = '<img src=x onerror=alert(2)></p><!-- &copy; &notin ]]> \u202e😀';
    const parsed = htmlFragment(htmlFromText(text));
    expect(markupShape(parsed)).toEqual([]);
    expect(parsed.textContent).toBe(text);
  });
});

describe('htmlFromMarkedText', () => {
  const mark = (text: string) => htmlFromMarkedText(text, '\u0002', '\u0003');

  it('escapes the text and turns each marked span into a mark element', () => {
    expect(mark('a <b> & \u0002tide\u0003 mill')).toBe('a &lt;b&gt; &amp; <mark>tide</mark> mill');
  });

  it('keeps the markup well formed: stray closes and nested opens dropped, an open span closed', () => {
    expect(mark('\u0003x \u0002a\u0002b\u0003 \u0002c')).toBe('x <mark>ab</mark> <mark>c</mark>');
  });
});
