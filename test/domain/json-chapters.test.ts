import { describe, expect, it } from 'vitest';
import { chaptersOfJson } from '../../src/domain/json-chapters.ts';

describe('chaptersOfJson', () => {
  it('keeps the table of contents in start order, with web links and images only', () => {
    const text = JSON.stringify({
      version: '1.2.0',
      chapters: [
        {
          startTime: 60,
          endTime: 120,
          title: 'Two',
          url: 'https://a.example/2',
          img: 'http://a.example/2.jpg',
        },
        { startTime: 0, title: 'One', url: 'javascript:alert(1)', img: 'data:image/png;base64,AAAA' },
        { startTime: 30, title: 'Picture only', toc: false },
        { startTime: -1, title: 'Negative' },
        { startTime: '90', title: 'Text start' },
        { startTime: 90 },
        null,
        { startTime: 200, endTime: 100, title: 'End before start' },
      ],
    });
    expect(chaptersOfJson(text)).toEqual([
      { startSeconds: 0, title: 'One' },
      {
        startSeconds: 60,
        endSeconds: 120,
        title: 'Two',
        url: 'https://a.example/2',
        imageUrl: 'http://a.example/2.jpg',
      },
      { startSeconds: 200, title: 'End before start' },
    ]);
  });

  it('answers undefined for text that is not a chapters document', () => {
    expect(chaptersOfJson('not json')).toBeUndefined();
    expect(chaptersOfJson('null')).toBeUndefined();
    expect(chaptersOfJson('{"segments": []}')).toBeUndefined();
    expect(chaptersOfJson('{"chapters": []}')).toEqual([]);
  });
});
