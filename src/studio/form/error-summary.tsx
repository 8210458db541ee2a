/** @jsxImportSource hono/jsx */
// The error summary at the top of a form that failed: every message, each a link to its field.
import { type FieldErrors, FORM_LEVEL } from './field-errors.ts';

/**
 * The list of problems at the top of a form that failed (GOV.UK's error summary pattern): focusable,
 * announced, each message a link to its field. `labels` names fields for the links.
 */
export function ErrorSummary(props: { errors: FieldErrors; labels: Readonly<Record<string, string>> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {entries.flatMap(([field, messages]) =>
          messages.map((message) =>
            field === FORM_LEVEL ? (
              <li>{message}</li>
            ) : (
              <li>
                <a href={`#f-${field}`}>{props.labels[field] ?? field}</a>: {message}
              </li>
            ),
          ),
        )}
      </ul>
    </div>
  );
}
