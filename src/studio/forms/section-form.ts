// The section form: its fields from a stored section, and a submitted form as the API's SectionInput / SectionPatch body.
import type { sectionView } from '../../catalog/editor/views.ts';
import { slugFrom } from '../../domain/slug.ts';
import { defined, type FormValues, readForm } from '../form/form-values.ts';

export type SectionViewModel = ReturnType<typeof sectionView>;

export const SECTION_LABELS = {
  name: 'Name',
  slug: 'Slug',
  description: 'Description',
  position: 'Position in the navigation',
} as const;

export function sectionFormValues(view: SectionViewModel): FormValues {
  return { name: view.name, slug: view.slug, description: view.description, position: String(view.position) };
}

export function sectionInputFrom(values: FormValues, mode: 'create' | 'edit') {
  const form = readForm(values);
  const name = form.text('name');
  const position = form.integer('position');
  const input = {
    name,
    slug: form.text('slug') || (mode === 'create' ? slugFrom(name) : ''),
    description: form.block('description'),
    // Empty: the end of the list on create, unchanged on edit.
    position: position === null ? undefined : position,
  };
  return { input: defined(input), problems: form.problems() };
}
