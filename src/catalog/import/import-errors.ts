// The errors that stop an import as a whole: refused (locked feed, redirect loop) or failed (the feed could not be read).
import { PodwireError } from '../../errors.ts';

/** The import may not go ahead: a podcast:locked feed without proof of ownership, a feed-URL loop. */
export class ImportRefusedError extends PodwireError {
  override readonly name = 'ImportRefusedError';
  override readonly status = 422;
  override readonly title = 'Import refused';
}

/** The source could not be read: an HTTP error, a document that is not a feed. */
export class ImportFailedError extends PodwireError {
  override readonly name = 'ImportFailedError';
  override readonly status = 502;
  override readonly title = 'Import failed';
}
