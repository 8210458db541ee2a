// idParam: a record id from a studio URL (`/users/12/remove`), or 404 for anything else.
import { NotFoundError } from '../../errors.ts';

/** A positive whole number of at most 15 digits; anything else names no record. */
export function idParam(text: string | undefined): number {
  if (!text || !/^[1-9]\d{0,14}$/.test(text))
    throw new NotFoundError(`there is nothing with id ${JSON.stringify(text ?? '')}`);
  return Number(text);
}
