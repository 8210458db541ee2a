import { describe, expect, it } from 'vitest';
import { ArticleInput } from '../../src/routes/api/schemas.ts';
import { fieldErrorsOf } from '../../src/studio/form/field-errors.ts';
import { formValuesOf } from '../../src/studio/form/form-values.ts';
import { articleInputFrom, authorLine, parseAuthorLine } from '../../src/studio/forms/article-form.ts';
import { chaptersFromLines } from '../../src/studio/forms/chapters-form.ts';

describe('studio form bodies', () => {
  it('keeps repeated fields as lists and skips files', () => {
    const form = new FormData();
    form.append('categories', 'News');
    form.append('categories', 'Arts|Books');
    form.append('title', 'T');
    form.append('file', new File(['x'], 'x.txt'));
    expect(formValuesOf(form)).toEqual({ categories: ['News', 'Arts|Books'], title: 'T' });
  });

  it('reads an article form into ArticleInput: lists, LF line breaks, a slug from the headline', () => {
    const { input, problems } = articleInputFrom(
      {
        headline: '  Café “opens” & closes  ',
        slug: '',
        standfirst: 'One\r\nTwo\r\n',
        bodyHtml: '',
        sectionId: '2',
        authors: 'Ada <ada@example.com>\r\n\r\nhttps://example.com/b Bo Bennett',
        tags: 'a, b,,c\nd',
        imageAlt: '',
      },
      'create',
    );
    expect(problems).toEqual({});
    expect(input).toMatchObject({
      headline: 'Café “opens” & closes',
      slug: 'cafe-opens-and-closes',
      standfirst: 'One\nTwo',
      sectionId: 2,
      authors: [
        { name: 'Ada', email: 'ada@example.com' },
        { name: 'Bo Bennett', url: 'https://example.com/b' },
      ],
      tags: ['a', 'b', 'c', 'd'],
    });
    expect(ArticleInput.safeParse(input).success).toBe(true);
  });

  it('writes authors back as the lines it reads', () => {
    const author = { name: 'Ada Lovelace', email: 'ada@example.com', url: 'https://example.com/ada' };
    expect(parseAuthorLine(authorLine(author))).toEqual(author);
  });

  it('places each zod issue on its field, naming the entry of a list', () => {
    const result = ArticleInput.safeParse({
      slug: 'x',
      headline: '',
      sectionId: 1,
      authors: [{ name: 'A' }, { name: 'B', email: 'no' }],
    });
    expect(result.success).toBe(false);
    const errors = fieldErrorsOf(result.error?.issues ?? []);
    expect(errors.headline).toEqual(['Required.']);
    expect(errors.authors).toEqual(['Author 2 (email): Invalid email address.']);
  });

  it('makes a chapters document from lines, or says which line is wrong', () => {
    const ok = chaptersFromLines('0:00 Intro\n1:02:03.5  The  long part\n');
    expect(ok).toEqual({
      ok: true,
      document: {
        version: '1.2.0',
        chapters: [
          { startTime: 0, title: 'Intro' },
          { startTime: 3723.5, title: 'The long part' },
        ],
      },
    });
    expect(chaptersFromLines('1:00 B\n0:30 A')).toMatchObject({
      ok: false,
      errors: { chapters: [expect.stringMatching(/^Line 2: chapters go in order/)] },
    });
    expect(chaptersFromLines('   ')).toMatchObject({ ok: false });
  });
});
