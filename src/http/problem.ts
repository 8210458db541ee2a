// RFC 9457 problem details: every error response podwire sends is application/problem+json.
import { HTTPException } from 'hono/http-exception';
import { PodwireError, ValidationError } from '../errors.ts';

function isHttpException(error: unknown): error is HTTPException {
  return (
    error instanceof HTTPException ||
    (error instanceof Error &&
      typeof (error as { status?: unknown }).status === 'number' &&
      typeof (error as { getResponse?: unknown }).getResponse === 'function')
  );
}

const STATUS_TITLES: Readonly<Record<number, string>> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  413: 'Payload too large',
  415: 'Unsupported media type',
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

export interface ProblemInput {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly [extension: string]: unknown;
}

/** A problem+json response. `type` defaults to "about:blank" (RFC 9457 §4.2.1). */
export function problemResponse(problem: ProblemInput, headers?: HeadersInit): Response {
  const body = { type: 'about:blank', ...problem };
  const response = new Response(JSON.stringify(body), { status: problem.status, headers });
  response.headers.set('content-type', PROBLEM_CONTENT_TYPE);
  response.headers.set('cache-control', 'no-store');
  return response;
}

/**
 * The problem for an error. PodwireErrors (4xx) say what is wrong; anything else is reported as a
 * 500 with no internals, only the request id to quote.
 */
export function problemFromError(error: unknown, requestId: string): ProblemDetails {
  if (error instanceof PodwireError) {
    const errors = error instanceof ValidationError ? error.context.errors : undefined;
    return {
      type: 'about:blank',
      title: error.title,
      status: error.status,
      detail: error.message,
      requestId,
      ...(errors ? { errors } : {}),
    };
  }
  // Hono's own 4xx (a body that is not JSON, for instance) say what is wrong too. Recognised by
  // shape as well as class: validator packages may carry their own copy of HTTPException.
  if (isHttpException(error) && error.status < 500) {
    return {
      type: 'about:blank',
      title: STATUS_TITLES[error.status] ?? 'Invalid request',
      status: error.status,
      detail: /malformed json/i.test(error.message)
        ? 'the request body is not valid JSON'
        : error.status === 415
          ? 'this endpoint takes a JSON body (Content-Type: application/json)'
          : error.message,
      requestId,
    };
  }
  return {
    type: 'about:blank',
    title: 'Internal server error',
    status: 500,
    detail: `Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
    requestId,
  };
}
