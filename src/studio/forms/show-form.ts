// The show form: its fields from a stored show, and a submitted form as the API's ShowInput / ShowPatch body.
import type { showView } from '../../catalog/editor/views.ts';
import { APPLE_CATEGORIES } from '../../domain/apple-categories.ts';
import { slugFrom } from '../../domain/slug.ts';
import type { FundingLink, ShowCategory } from '../../domain/vocabulary.ts';
import type { ChoiceGroup } from '../form/fields.tsx';
import { defined, type FormValues, readForm, valuesOf } from '../form/form-values.ts';
import { licenceAndPlaceValues, licenseFrom, locationFrom, TAG_LABELS } from './tag-form.ts';

export type ShowViewModel = ReturnType<typeof showView>;

export const SHOW_LABELS = {
  title: 'Title',
  slug: 'Slug',
  subtitle: 'Subtitle',
  description: 'Description',
  language: 'Language',
  author: 'Author',
  ownerName: 'Owner name',
  ownerEmail: 'Owner e-mail',
  link: 'Website',
  categories: 'Apple Podcasts categories',
  explicit: 'Explicit content',
  type: 'Show type',
  copyright: 'Copyright',
  funding: 'Funding links',
  locked: 'Locked (podcast:locked: other hosts may not import this feed)',
  complete: 'Complete: no more episodes will be published',
  block: 'Hide from podcast directories (itunes:block)',
  artwork: 'Artwork',
  license: TAG_LABELS.license,
  location: TAG_LABELS.location,
} as const;

/** How many category pickers the form offers (Apple reads at most three). */
export const CATEGORY_PICKERS = 3;

const SUB = ' › ';

/** A category as a picker's value: "News" or "News|Politics". */
export const categoryValue = (c: ShowCategory) =>
  c.subcategory ? `${c.category}|${c.subcategory}` : c.category;

/** The choices of one picker: every Apple category, each followed by its subcategories. */
export const CATEGORY_GROUPS: readonly ChoiceGroup[] = Object.entries(APPLE_CATEGORIES).map(
  ([category, subs]) => ({
    label: category,
    choices: [
      { value: category, label: category },
      ...subs.map((sub) => ({ value: `${category}|${sub}`, label: `${category}${SUB}${sub}` })),
    ],
  }),
);

export const fundingLine = (f: FundingLink) => `${f.url} ${f.title}`;

export function showFormValues(view: ShowViewModel): FormValues {
  return {
    title: view.title,
    slug: view.slug,
    subtitle: view.subtitle,
    description: view.description,
    language: view.language,
    author: view.author,
    ownerName: view.ownerName ?? '',
    ownerEmail: view.ownerEmail ?? '',
    link: view.link ?? '',
    categories: view.categories.map(categoryValue),
    ...(view.explicit ? { explicit: 'on' } : {}),
    type: view.type,
    copyright: view.copyright ?? '',
    funding: view.funding.map(fundingLine).join('\n'),
    ...(view.locked ? { locked: 'on' } : {}),
    ...(view.complete ? { complete: 'on' } : {}),
    ...(view.block ? { block: 'on' } : {}),
    ...licenceAndPlaceValues(view),
  };
}

/** The values a new show's form starts with. */
export const NEW_SHOW_VALUES: FormValues = { language: 'en', type: 'episodic', categories: [] };

/** Optional text fields a form can clear: null in the use case's patch (the API's patch has no null for them). */
export const CLEARABLE_SHOW_FIELDS = ['ownerName', 'ownerEmail', 'link', 'copyright'] as const;

/**
 * The body the API would take for this form. Optional fields left empty are absent (the schema
 * checks what is there); `cleared` lists them, so an edit can clear what was stored.
 */
export function showInputFrom(values: FormValues, mode: 'create' | 'edit') {
  const form = readForm(values);
  const title = form.text('title');
  const categories = valuesOf(values, 'categories')
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map((v): ShowCategory => {
      const [category, subcategory] = v.split('|');
      return defined({ category: category ?? '', subcategory }) as ShowCategory;
    });
  const funding = form.lines('funding').map((line) => {
    const [url = '', ...title] = line.split(/\s+/);
    return { url, title: title.join(' ') };
  });
  const input = {
    title,
    slug: form.text('slug') || (mode === 'create' ? slugFrom(title) : ''),
    subtitle: form.text('subtitle'),
    description: form.block('description'),
    language: form.text('language'),
    author: form.text('author'),
    ownerName: form.optional('ownerName'),
    ownerEmail: form.optional('ownerEmail'),
    link: form.optional('link'),
    categories,
    explicit: form.checkbox('explicit'),
    type: form.text('type') || 'episodic',
    copyright: form.optional('copyright'),
    funding,
    locked: form.checkbox('locked'),
    complete: form.checkbox('complete'),
    block: form.checkbox('block'),
    license: licenseFrom(form),
    location: locationFrom(form),
  };
  const cleared = CLEARABLE_SHOW_FIELDS.filter((field) => input[field] === undefined);
  return { input: defined(input), cleared, problems: form.problems() };
}
