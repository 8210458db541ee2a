/** @jsxImportSource hono/jsx */
// Form parts for Podcast Index tags: licence and place (show and episode screens), soundbites and discussion links (episode screen).
import type { FieldErrors } from '../form/field-errors.ts';
import { SelectField, TextArea, TextField } from '../form/fields.tsx';
import { type FormValues, firstValue } from '../form/form-values.ts';
import { TAG_LABELS } from '../forms/tag-form.ts';

/** A fieldset whose errors (the API's, for any of its boxes) are said under its legend. */
function Group(props: {
  name: string;
  legend: string;
  hint: string;
  errors: FieldErrors;
  children: unknown;
}) {
  const messages = props.errors[props.name] ?? [];
  return (
    <fieldset
      class={`field group${messages.length > 0 ? ' has-error' : ''}`}
      id={`f-${props.name}`}
      aria-describedby={messages.length > 0 ? `f-${props.name}-error` : `f-${props.name}-hint`}
    >
      <legend>{props.legend}</legend>
      <p class="hint" id={`f-${props.name}-hint`}>
        {props.hint}
      </p>
      {messages.length > 0 ? (
        <p class="field-error" id={`f-${props.name}-error`}>
          <span class="visually-hidden">Error: </span>
          {messages.join(' ')}
        </p>
      ) : null}
      {props.children}
    </fieldset>
  );
}

/** `podcast:license` and `podcast:location`; `inherits` says what an empty licence means. */
export function LicenceAndPlaceFields(props: { values: FormValues; errors: FieldErrors; inherits?: string }) {
  const v = (name: string) => firstValue(props.values, name);
  return (
    <>
      <Group
        name="license"
        legend={TAG_LABELS.license}
        hint={`An SPDX identifier such as CC-BY-4.0 or CC0-1.0, or any licence name with the address of its text.${props.inherits ? ` ${props.inherits}` : ''}`}
        errors={props.errors}
      >
        <TextField
          name="licenseName"
          label="Licence name or identifier"
          value={v('licenseName')}
          maxlength={128}
        />
        <TextField name="licenseUrl" type="url" label="Address of the licence text" value={v('licenseUrl')} />
      </Group>
      <Group
        name="location"
        legend={TAG_LABELS.location}
        hint="The place the content is about (or where it is made). Leave the name empty for none."
        errors={props.errors}
      >
        <TextField name="locationName" label="Name of the place" value={v('locationName')} maxlength={128} />
        <SelectField
          name="locationRel"
          label="The place is"
          value={v('locationRel')}
          choices={[
            { value: '', label: 'What it is about' },
            { value: 'creator', label: 'Where it is made' },
          ]}
        />
        <TextField
          name="locationGeo"
          label="Geo URI"
          value={v('locationGeo')}
          hint="Latitude and longitude: geo:51.5074,-0.1278"
        />
        <TextField
          name="locationOsm"
          label="OpenStreetMap id"
          value={v('locationOsm')}
          size="short"
          hint="Type and number: R65606"
        />
        <TextField
          name="locationCountry"
          label="Country code"
          value={v('locationCountry')}
          size="short"
          maxlength={2}
          hint="Two letters: GB, US"
        />
      </Group>
    </>
  );
}

/** `podcast:soundbite` lines and `podcast:socialInteract` lines. */
export function SoundbiteAndDiscussionFields(props: { values: FormValues; errors: FieldErrors }) {
  const v = (name: string) => firstValue(props.values, name);
  return (
    <>
      <TextArea
        name="soundbites"
        label={TAG_LABELS.soundbites}
        value={v('soundbites')}
        errors={props.errors}
        rows={3}
        hint="Moments apps may play as a preview, one per line: start, length in seconds (15 to 120), title. “12:05 45 The machine turns”."
      />
      <TextArea
        name="socialInteract"
        label={TAG_LABELS.socialInteract}
        value={v('socialInteract')}
        errors={props.errors}
        rows={2}
        hint="Where listeners discuss it, one per line, most important first: protocol, address of the post, account (“activitypub https://social.example/@desk/1 @desk”). Or just “disabled” for no comments."
      />
    </>
  );
}
