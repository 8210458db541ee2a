// What a refused write means for the form that sent it (which field, which status), and the Move buttons' effect on an order.
import type { RefreshScope } from '../../../catalog/documents/store-documents.ts';
import { ConflictError, PodwireError, PreconditionFailedError } from '../../../errors.ts';
import { type FieldErrors, FORM_LEVEL } from '../../../studio/form/field-errors.ts';
import { type FormValues, firstValue } from '../../../studio/form/form-values.ts';
import { type ScreenStatus, sentence, shownStatus } from './screen.tsx';

/** A write to articles or sections: the news feeds change. */
export const NEWS: RefreshScope = { shows: [], news: true };

/** "Changed since you opened it", for the panels' forms: the screen as saved now says the rest. */
export const STALE_ACTION =
  'Changed since you opened it: someone saved this meanwhile, so nothing was done. Here it is as saved now; check it and try again.';

export interface Refusal {
  readonly status: ScreenStatus;
  readonly message: string;
  /** The message placed beside the field it concerns (a taken slug), else at the top of the form. */
  readonly errors: FieldErrors;
}

/**
 * A refused write told as the form shows it; anything that is not a refusal a person can act on (a
 * failure of the server) is rethrown, for the app's error handler.
 */
export function writeRefused(error: unknown): Refusal {
  const status = shownStatus(error);
  if (status === undefined || !(error instanceof PodwireError)) throw error;
  const message = sentence(error);
  const field =
    error instanceof ConflictError && /\bslug\b/.test(error.message)
      ? 'slug'
      : error instanceof ConflictError && /\bGUID\b/.test(error.message)
        ? 'guid'
        : /^soundbite \d/.test(error.message)
          ? 'soundbites'
          : FORM_LEVEL;
  return { status, message, errors: { [field]: [message] } };
}

/**
 * A refused action of a panel's form (publish, upload, delete…) as one sentence and its status: a
 * stale If-Match says STALE_ACTION, anything else its own message (failures of the server rethrown).
 */
export function actionRefused(error: unknown): Pick<Refusal, 'status' | 'message'> {
  const { status, message } = writeRefused(error);
  return { status, message: error instanceof PreconditionFailedError ? STALE_ACTION : message };
}

/**
 * The order after the form's Move button (`move` = `up:<id>`, `down:<id>`, `remove:<id>`, or `add`
 * with the id in `add`), applied to `current`. Ids the order does not hold are ignored, so a stale
 * or forged button changes nothing.
 */
export function reorderedIds(current: readonly number[], values: FormValues): number[] {
  const order = [...current];
  const [action = '', idText = ''] = firstValue(values, 'move').split(':');
  if (action === 'add') {
    const id = Number(firstValue(values, 'add'));
    if (Number.isSafeInteger(id) && id > 0 && !order.includes(id)) order.push(id);
    return order;
  }
  const at = order.indexOf(Number(idText));
  if (at < 0 || !/^\d+$/.test(idText)) return order;
  if (action === 'remove') order.splice(at, 1);
  const to = action === 'up' ? at - 1 : action === 'down' ? at + 1 : at;
  if (to !== at && to >= 0 && to < order.length) {
    [order[at], order[to]] = [order[to] as number, order[at] as number];
  }
  return order;
}
