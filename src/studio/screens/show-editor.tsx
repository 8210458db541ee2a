/** @jsxImportSource hono/jsx */
// The show screen: title, description, Apple categories (three pickers), explicit, episodic/serial, funding, locked; artwork and history beside.
import type { Child } from 'hono/jsx';
import { ErrorSummary } from '../form/error-summary.tsx';
import type { FieldErrors } from '../form/field-errors.ts';
import { CheckboxField, RadioField, SelectField, TextArea, TextField } from '../form/fields.tsx';
import { type FormValues, firstValue, valuesOf } from '../form/form-values.ts';
import { CATEGORY_GROUPS, CATEGORY_PICKERS, SHOW_LABELS, type ShowViewModel } from '../forms/show-form.ts';
import { Crumbs, PostForm, Refusal } from './common.tsx';
import { useStudioBase } from './links.ts';
import { LicenceAndPlaceFields } from './tag-fields.tsx';

export function ShowEditor(props: {
  show?: ShowViewModel;
  etag?: string;
  values: FormValues;
  errors: FieldErrors;
  csrf: string;
  refusal?: string;
  conflict?: Child;
  aside?: Child;
}) {
  const { show, values, errors } = props;
  const base = useStudioBase();
  const v = (name: string) => firstValue(values, name);
  const on = (name: string) => values[name] !== undefined;
  const picked = valuesOf(values, 'categories');
  return (
    <div class="screen">
      <Crumbs trail={[['Shows', `/shows`]]} />
      <h1>{show ? `Edit show: ${show.title}` : 'New show'}</h1>
      <Refusal text={props.refusal} />
      {props.conflict}
      <ErrorSummary errors={errors} labels={SHOW_LABELS} />
      <div class="layout">
        <PostForm
          action={show ? `/shows/${show.id}` : `/shows`}
          csrf={props.csrf}
          etag={props.etag}
          label="Show"
        >
          <TextField name="title" label={SHOW_LABELS.title} value={v('title')} errors={errors} required />
          <TextField
            name="slug"
            label={SHOW_LABELS.slug}
            value={v('slug')}
            errors={errors}
            hint={
              show
                ? `The feed is ${show.feedUrl}; a new slug redirects it.`
                : 'Left empty: made from the title.'
            }
          />
          <TextField name="subtitle" label={SHOW_LABELS.subtitle} value={v('subtitle')} errors={errors} />
          <TextArea
            name="description"
            label={SHOW_LABELS.description}
            value={v('description')}
            errors={errors}
            rows={5}
            required
            hint="Plain text, at most 4000 bytes (Apple Podcasts)."
          />
          <fieldset class="field" id="f-categories">
            <legend>{SHOW_LABELS.categories}</legend>
            <p class="hint">The first is the main one; Apple reads up to three.</p>
            {(errors.categories ?? []).length > 0 ? (
              <p class="field-error" id="f-categories-error">
                {errors.categories?.join(' ')}
              </p>
            ) : null}
            {Array.from({ length: CATEGORY_PICKERS }, (_, i) => (
              <SelectField
                name="categories"
                id={`f-categories-${i + 1}`}
                label={i === 0 ? 'Main category' : `Category ${i + 1} (optional)`}
                value={picked[i] ?? ''}
                choices={[{ value: '', label: i === 0 ? 'Choose…' : 'None' }]}
                groups={CATEGORY_GROUPS}
              />
            ))}
          </fieldset>
          <TextField
            name="language"
            label={SHOW_LABELS.language}
            value={v('language')}
            errors={errors}
            size="short"
            hint="A language tag such as en or en-GB."
          />
          <TextField name="author" label={SHOW_LABELS.author} value={v('author')} errors={errors} required />
          <TextField name="ownerName" label={SHOW_LABELS.ownerName} value={v('ownerName')} errors={errors} />
          <TextField
            name="ownerEmail"
            type="email"
            label={SHOW_LABELS.ownerEmail}
            value={v('ownerEmail')}
            errors={errors}
            hint="Apple writes here to confirm ownership."
          />
          <TextField name="link" type="url" label={SHOW_LABELS.link} value={v('link')} errors={errors} />
          <TextField name="copyright" label={SHOW_LABELS.copyright} value={v('copyright')} errors={errors} />
          <CheckboxField
            name="explicit"
            label={SHOW_LABELS.explicit}
            checked={on('explicit')}
            errors={errors}
          />
          <RadioField
            name="type"
            label={SHOW_LABELS.type}
            value={v('type') || 'episodic'}
            errors={errors}
            choices={[
              { value: 'episodic', label: 'Episodic: newest first, any order' },
              { value: 'serial', label: 'Serial: in order, numbered' },
            ]}
          />
          <TextArea
            name="funding"
            label={SHOW_LABELS.funding}
            value={v('funding')}
            errors={errors}
            rows={2}
            hint="One per line: the address, then the words listeners see (“https://example.com/support Support us”)."
          />
          <CheckboxField name="locked" label={SHOW_LABELS.locked} checked={on('locked')} errors={errors} />
          <CheckboxField
            name="complete"
            label={SHOW_LABELS.complete}
            checked={on('complete')}
            errors={errors}
          />
          <CheckboxField name="block" label={SHOW_LABELS.block} checked={on('block')} errors={errors} />
          <LicenceAndPlaceFields values={values} errors={errors} />
          <div class="actions">
            <button type="submit">{show ? 'Save show' : 'Create show'}</button>
            {show ? (
              <>
                <a href={`${base}/episodes?showId=${show.id}`}>Episodes of this show</a>
                <a class="button danger" href={`${base}/shows/${show.id}/delete`}>
                  Delete…
                </a>
              </>
            ) : null}
          </div>
        </PostForm>
        {props.aside ? <div class="aside">{props.aside}</div> : null}
      </div>
    </div>
  );
}
