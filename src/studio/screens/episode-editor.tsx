/** @jsxImportSource hono/jsx */
// The episode screen: the form (show, title, notes, season/number/type, explicit), and beside it publication, audio with its probed facts, files, chapters and history.
import type { Child } from 'hono/jsx';
import type { Html } from '../../domain/html.ts';
import { ErrorSummary } from '../form/error-summary.tsx';
import type { FieldErrors } from '../form/field-errors.ts';
import { CheckboxField, type Choice, SelectField, TextArea, TextField } from '../form/fields.tsx';
import { type FormValues, firstValue } from '../form/form-values.ts';
import {
  EPISODE_LABELS,
  EPISODE_TYPE_CHOICES,
  type EpisodeViewModel,
  EXPLICIT_CHOICES,
} from '../forms/episode-form.ts';
import { Crumbs, Layout, PostForm, Refusal } from './common.tsx';
import { RichTextField } from './rich-text-field.tsx';
import { LicenceAndPlaceFields, SoundbiteAndDiscussionFields } from './tag-fields.tsx';

export function EpisodeEditor(props: {
  episode?: EpisodeViewModel;
  etag?: string;
  values: FormValues;
  errors: FieldErrors;
  sanitizedNotes: Html;
  shows: readonly Choice[];
  csrf: string;
  refusal?: string;
  /** Set when the actor may only read the item: said above the form, every form control disabled. */
  readOnly?: string;
  conflict?: Child;
  aside?: Child;
}) {
  const { episode, values, errors } = props;
  const v = (name: string) => firstValue(values, name);
  const guidFixed = episode !== undefined && episode.status !== 'draft';
  return (
    <div class="screen">
      <Crumbs trail={[['Episodes', `/episodes`]]} />
      <h1>{episode ? `Edit episode: ${episode.title}` : 'New episode'}</h1>
      <Refusal text={props.refusal} />
      {props.conflict}
      <ErrorSummary errors={errors} labels={EPISODE_LABELS} />
      <Layout readOnly={props.readOnly}>
        <PostForm
          action={episode ? `/episodes/${episode.id}` : `/episodes`}
          csrf={props.csrf}
          etag={props.etag}
          label="Episode"
        >
          {episode ? null : (
            <SelectField
              name="showId"
              label={EPISODE_LABELS.showId}
              value={v('showId')}
              choices={[{ value: '', label: 'Choose…' }, ...props.shows]}
              errors={errors}
              required
            />
          )}
          <TextField name="title" label={EPISODE_LABELS.title} value={v('title')} errors={errors} required />
          <TextField
            name="slug"
            label={EPISODE_LABELS.slug}
            value={v('slug')}
            errors={errors}
            hint={
              episode
                ? `The page is ${episode.url}; a new slug redirects it.`
                : 'Left empty: made from the title.'
            }
          />
          {episode ? (
            guidFixed ? (
              <p>
                <strong>{EPISODE_LABELS.guid}:</strong> <code>{episode.guid}</code>{' '}
                <span class="hint">(fixed once published: podcast apps know the episode by it)</span>
              </p>
            ) : (
              <TextField
                name="guid"
                label={EPISODE_LABELS.guid}
                value={v('guid')}
                errors={errors}
                hint="Podcast apps know the episode by it; it cannot change once published."
              />
            )
          ) : null}
          <TextArea
            name="summary"
            label={EPISODE_LABELS.summary}
            value={v('summary')}
            errors={errors}
            rows={3}
          />
          <RichTextField
            name="contentHtml"
            label={EPISODE_LABELS.contentHtml}
            value={v('contentHtml')}
            sanitized={props.sanitizedNotes}
            errors={errors}
          />
          <TextField
            name="season"
            label={EPISODE_LABELS.season}
            value={v('season')}
            errors={errors}
            inputmode="numeric"
            size="short"
          />
          <TextField
            name="number"
            label={EPISODE_LABELS.number}
            value={v('number')}
            errors={errors}
            inputmode="numeric"
            size="short"
            hint="Serial shows need one before publishing."
          />
          <SelectField
            name="type"
            label={EPISODE_LABELS.type}
            value={v('type') || 'full'}
            choices={EPISODE_TYPE_CHOICES}
            errors={errors}
          />
          <SelectField
            name="explicit"
            label={EPISODE_LABELS.explicit}
            value={v('explicit')}
            choices={EXPLICIT_CHOICES}
            errors={errors}
          />
          <CheckboxField
            name="block"
            label={EPISODE_LABELS.block}
            checked={values.block !== undefined}
            errors={errors}
          />
          <SoundbiteAndDiscussionFields values={values} errors={errors} />
          <LicenceAndPlaceFields
            values={values}
            errors={errors}
            inherits="Left empty: the show’s licence applies."
          />
          <div class="actions">
            <button type="submit">{episode ? 'Save episode' : 'Create draft'}</button>
          </div>
        </PostForm>
        {props.aside ? <div class="aside">{props.aside}</div> : null}
      </Layout>
    </div>
  );
}
