// Query-string helpers shared by routes: strict page numbers.
import { ValidationError } from '../errors.ts';

/** `?page=N`: 1 when absent; a clear 400 for anything but a whole number from 1. */
export function parsePage(text: string | undefined): number {
  if (text === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(text)) {
    throw new ValidationError(`page must be a whole number from 1 (got ${JSON.stringify(text)})`);
  }
  return Number(text);
}
