/** @jsxImportSource hono/jsx */
// The sections screens: the list in navigation order (Move up / Move down), and the form to create or edit one.
import type { Child } from 'hono/jsx';
import { ErrorSummary } from '../form/error-summary.tsx';
import type { FieldErrors } from '../form/field-errors.ts';
import { TextArea, TextField } from '../form/fields.tsx';
import { type FormValues, firstValue } from '../form/form-values.ts';
import { SECTION_LABELS, type SectionViewModel } from '../forms/section-form.ts';
import { Crumbs, PostForm } from './common.tsx';
import { useStudioBase } from './links.ts';
import { MoveButtons } from './move-buttons.tsx';

export function SectionList(props: { sections: readonly SectionViewModel[]; csrf: string }) {
  const { sections, csrf } = props;
  const base = useStudioBase();
  return (
    <div class="screen">
      <h1>Sections</h1>
      <p>
        <a class="button" href={`${base}/sections/new`}>
          New section
        </a>
      </p>
      {sections.length === 0 ? (
        <p>No sections yet.</p>
      ) : (
        <PostForm action={`/sections/reorder`} csrf={csrf} class="pairing" label="Section order">
          <div data-reorder="">
            <ol aria-label="Sections in navigation order">
              {sections.map((s, i) => (
                <li data-reorder-item={String(s.id)}>
                  <span>
                    <a href={`${base}/sections/${s.id}`}>{s.name}</a> <span class="hint">/{s.slug}</span>
                  </span>
                  <span class="moves">
                    <MoveButtons id={s.id} name={s.name} index={i} count={sections.length} />
                  </span>
                </li>
              ))}
            </ol>
            <p class="hint">With a Move button focused, Alt+↑ and Alt+↓ move the section too.</p>
            <p class="visually-hidden" aria-live="polite" data-reorder-status="" />
          </div>
        </PostForm>
      )}
    </div>
  );
}

export function SectionForm(props: {
  section?: SectionViewModel;
  etag?: string;
  values: FormValues;
  errors: FieldErrors;
  csrf: string;
  /** The conflict notice and both versions, after a stale save. */
  conflict?: Child;
}) {
  const { section, values, errors } = props;
  const base = useStudioBase();
  const v = (name: string) => firstValue(values, name);
  const action = section ? `/sections/${section.id}` : `/sections`;
  return (
    <div class="screen">
      <Crumbs trail={[['Sections', `/sections`]]} />
      <h1>{section ? `Edit section: ${section.name}` : 'New section'}</h1>
      {props.conflict}
      <ErrorSummary errors={errors} labels={SECTION_LABELS} />
      <PostForm action={action} csrf={props.csrf} etag={props.etag} label="Section">
        <TextField name="name" label={SECTION_LABELS.name} value={v('name')} errors={errors} required />
        <TextField
          name="slug"
          label={SECTION_LABELS.slug}
          value={v('slug')}
          errors={errors}
          hint={section ? 'Changing it redirects the old address.' : 'Left empty: made from the name.'}
        />
        <TextArea
          name="description"
          label={SECTION_LABELS.description}
          value={v('description')}
          errors={errors}
          rows={3}
        />
        <TextField
          name="position"
          label={SECTION_LABELS.position}
          value={v('position')}
          errors={errors}
          inputmode="numeric"
          size="short"
          hint="Lower numbers come first."
        />
        <div class="actions">
          <button type="submit">{section ? 'Save section' : 'Create section'}</button>
          {section ? (
            <a class="button danger" href={`${base}/sections/${section.id}/delete`}>
              Delete…
            </a>
          ) : null}
        </div>
      </PostForm>
    </div>
  );
}
