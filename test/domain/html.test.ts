import { describe, expect, it } from 'vitest';
import { htmlFromText } from '../../src/domain/html.ts';
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
