// The article form: its fields from a stored article, and a submitted form as the API's ArticleInput / ArticlePatch body.
import type { articleView } from '../../catalog/editor/views.ts';
import { slugFrom } from '../../domain/slug.ts';
import type { Author } from '../../domain/vocabulary.ts';
import { defined, type FormValues, readForm } from '../form/form-values.ts';

export type ArticleViewModel = ReturnType<typeof articleView>;

/** Field labels, shared by the form and its error summary. */
export const ARTICLE_LABELS = {
  headline: 'Headline',
  slug: 'Slug',
  standfirst: 'Standfirst',
  bodyHtml: 'Body',
  sectionId: 'Section',
  authors: 'Authors',
  tags: 'Tags',
  imageAlt: 'Image description (alt text)',
} as const;

/** "Ada Lovelace <ada@example.com> https://example.com/ada": one author per line, as the form shows them. */
export function authorLine(author: Author): string {
  return [author.name, author.email ? `<${author.email}>` : '', author.url ?? ''].filter(Boolean).join(' ');
}

/** The inverse of authorLine: the e-mail in angle brackets, a URL (http…), and the rest is the name. */
export function parseAuthorLine(line: string): Author {
  let rest = line;
  let email: string | undefined;
  let url: string | undefined;
  rest = rest.replace(/<([^>]*)>/, (_, found: string) => {
    email = found.trim();
    return ' ';
  });
  rest = rest.replace(/(?:^|\s)(https?:\/\/\S+)/i, (_, found: string) => {
    url = found;
    return ' ';
  });
  return defined({ name: rest.replace(/\s+/g, ' ').trim(), email, url }) as Author;
}

export function articleFormValues(view: ArticleViewModel): FormValues {
  return {
    headline: view.headline,
    slug: view.slug,
    standfirst: view.standfirst,
    bodyHtml: view.bodyHtml,
    sectionId: String(view.sectionId),
    authors: view.authors.map(authorLine).join('\n'),
    tags: view.tags.join(', '),
    imageAlt: view.imageAlt,
  };
}

/**
 * The body the API would take for this form: every field the form shows, so an edit sends a
 * complete merge patch. An empty slug on a new article is made from the headline.
 */
export function articleInputFrom(values: FormValues, mode: 'create' | 'edit') {
  const form = readForm(values);
  const headline = form.text('headline');
  const slug = form.text('slug') || (mode === 'create' ? slugFrom(headline) : '');
  const section = form.text('sectionId');
  const input = {
    headline,
    slug,
    standfirst: form.block('standfirst'),
    bodyHtml: form.block('bodyHtml'),
    sectionId: /^\d{1,9}$/.test(section) ? Number(section) : undefined,
    authors: form.lines('authors').map(parseAuthorLine),
    tags: form.list('tags'),
    imageAlt: form.text('imageAlt'),
  };
  if (input.sectionId === undefined) form.note('sectionId', 'Choose a section.');
  return { input: defined(input), problems: form.problems() };
}
