/** @jsxImportSource hono/jsx */
// "Changed since you opened it": the version saved meanwhile beside the one just submitted, field by field; the form below keeps the submitted values.
import { type FormValues, firstValue, valuesOf } from '../form/form-values.ts';
import { When } from './common.tsx';

/** A field's value as shown; a repeated field's (three category pickers) without its empty entries. */
const text = (values: FormValues, field: string) =>
  valuesOf(values, field)
    .filter((v) => v.trim() !== '')
    .join('\n') || firstValue(values, field).trim();

export function ConflictNotice(props: {
  labels: Readonly<Record<string, string>>;
  /** The fields the form shows, in its order (default: every labelled field). */
  fields?: readonly string[];
  /** Fields that are checkboxes: shown as Yes / No. */
  checkboxes?: readonly string[];
  theirs: FormValues;
  yours: FormValues;
  savedAt: Date;
  savedBy?: string;
  timeZone: string;
}) {
  const fields = props.fields ?? Object.keys(props.labels);
  const checkboxes = new Set(props.checkboxes ?? []);
  const shown = (values: FormValues, field: string) =>
    checkboxes.has(field) ? (values[field] !== undefined ? 'Yes' : 'No') : text(values, field);
  const differing = fields.filter((f) => shown(props.theirs, f) !== shown(props.yours, f));
  return (
    <>
      <div class="refusal" role="alert" aria-labelledby="conflict-title">
        <h2 id="conflict-title">Changed since you opened it</h2>
        <p>
          Someone{props.savedBy ? ` (${props.savedBy})` : ''} saved this at{' '}
          <When at={props.savedAt} timeZone={props.timeZone} />, after you opened it. Nothing you wrote is
          lost: the form below still holds your version. <a href="#versions">See both versions</a>, then save
          again to replace theirs with yours, or <a href="?">open theirs</a> and start over.
        </p>
        <p>
          {differing.length === 0
            ? 'The fields in this form are the same in both versions.'
            : `Fields that differ: ${differing.map((f) => props.labels[f]).join(', ')}.`}
        </p>
      </div>
      <section id="versions" aria-labelledby="versions-title" class="compare-section">
        <h2 id="versions-title">Both versions</h2>
        <table class="compare">
          <caption class="visually-hidden">Saved version and your version, field by field</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Saved now (theirs)</th>
              <th scope="col">Submitted (yours)</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr class={differing.includes(field) ? 'differs' : undefined}>
                <th scope="row">
                  {props.labels[field]}
                  {differing.includes(field) ? <span class="visually-hidden"> (differs)</span> : null}
                </th>
                <td class="theirs">{shown(props.theirs, field)}</td>
                <td class="yours">{shown(props.yours, field)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
