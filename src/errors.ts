// PodwireError and its named subclasses: every failure a user can cause, with the HTTP status it maps to.

export interface ErrorContext {
  readonly [key: string]: string | number | boolean | null | undefined | readonly string[];
}

/** Base of every domain error. `status` is the HTTP status; `detail` says what to fix. */
export class PodwireError extends Error {
  override readonly name: string = 'PodwireError';
  readonly status: number = 500;
  /** Short, stable, human-readable summary of the problem type (RFC 9457 `title`). */
  readonly title: string = 'Internal error';
  readonly context: ErrorContext;

  constructor(message: string, options: { context?: ErrorContext; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.context = options.context ?? {};
  }
}

/** The request or file is malformed; `context.errors` may list each field at fault. */
export class ValidationError extends PodwireError {
  override readonly name = 'ValidationError';
  override readonly status = 400;
  override readonly title = 'Invalid request';
}

/** The actor is known but their role does not allow this (a contributor publishing, an editor managing users). */
export class ForbiddenError extends PodwireError {
  override readonly name = 'ForbiddenError';
  override readonly status = 403;
  override readonly title = 'Forbidden';
}

export class NotFoundError extends PodwireError {
  override readonly name = 'NotFoundError';
  override readonly status = 404;
  override readonly title = 'Not found';
}

/** The thing existed and was deleted on purpose (RFC 9110 §15.5.11). */
export class GoneError extends PodwireError {
  override readonly name = 'GoneError';
  override readonly status = 410;
  override readonly title = 'Gone';
}

/** A unique slug or GUID is taken, or the change conflicts with the current state. */
export class ConflictError extends PodwireError {
  override readonly name = 'ConflictError';
  override readonly status = 409;
  override readonly title = 'Conflict';
}

/** Configuration is invalid; raised at start-up, never during a request. */
export class ConfigError extends PodwireError {
  override readonly name = 'ConfigError';
  override readonly title = 'Invalid configuration';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join('; '), { context: { problems } });
    this.problems = problems;
  }
}

/** The database cannot be opened or used: locked, corrupt, unreachable, or not a podwire database. */
export class DatabaseError extends PodwireError {
  override readonly name = 'DatabaseError';
  override readonly status = 503;
  override readonly title = 'Database unavailable';
}

/** An audio or image file cannot be used. `context` names the file and, where known, the byte offset. */
export class MediaError extends PodwireError {
  override readonly name: string = 'MediaError';
  override readonly status: number = 422;
  override readonly title: string = 'Unreadable media';
}

/** The file is not audio (or not a format podwire serves): text renamed .mp3, random bytes, video. */
export class UnsupportedMediaError extends MediaError {
  override readonly name = 'UnsupportedMediaError';
  override readonly status = 415;
  override readonly title = 'Unsupported media type';
}

/** The file is of a known format but broken: a header that lies, a box or tag larger than the file. */
export class CorruptMediaError extends MediaError {
  override readonly name = 'CorruptMediaError';
  override readonly title = 'Corrupt media file';
}

/** The request body is larger than the configured limit. */
export class PayloadTooLargeError extends PodwireError {
  override readonly name = 'PayloadTooLargeError';
  override readonly status = 413;
  override readonly title = 'Payload too large';
}

/** The client has too much of something open at once (RFC 6585 §4): it must finish or remove some first. */
export class TooManyRequestsError extends PodwireError {
  override readonly name = 'TooManyRequestsError';
  override readonly status = 429;
  override readonly title = 'Too many requests';
}

/**
 * A condition the request set does not hold (RFC 9110 §15.5.13): If-Match names a version of the
 * record that is no longer current, so the write was not applied.
 */
export class PreconditionFailedError extends PodwireError {
  override readonly name = 'PreconditionFailedError';
  override readonly status = 412;
  override readonly title = 'Precondition failed';
}
