import { describe, expect, it } from 'vitest';
import type { OpmlDocument } from '../../src/feeds/model.ts';
import { renderOpml } from '../../src/feeds/opml.ts';
import { child, childrenNamed, htmlFragment, markupShape, readXml } from '../helpers/read-markup.ts';

const doc = (title: string): OpmlDocument => ({
  title: 'Feeds',
  dateModified: new Date('2026-10-17T09:00:00Z'),
  groups: [
    {
      title,
      outlines: [
        {
          title,
          type: 'rss',
          xmlUrl: 'https://news.example/feed.xml',
          htmlUrl: 'https://news.example/',
          description: title,
        },
      ],
    },
  ],
});

describe('renderOpml', () => {
  it('escapes names for the HTML an outline text may hold (OPML 2.0); title and description stay plain', () => {
    const name = 'Arts & <img src=x onerror=alert(2)>';
    const group = child(child(readXml(renderOpml(doc(name))), 'body'), 'outline');
    const [outline] = childrenNamed(group, 'outline');
    for (const text of [group.attributes.text, outline?.attributes.text]) {
      expect(markupShape(htmlFragment(text ?? ''))).toEqual([]);
      expect(htmlFragment(text ?? '').textContent).toBe(name);
    }
    expect(outline?.attributes.title).toBe(name);
    expect(outline?.attributes.description).toBe(name);
  });
});
