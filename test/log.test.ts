import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, type LogFields } from '../src/log.ts';

const AT = new Date('2026-03-01T12:34:56.789Z');

/** The line as the logger first wrote it: one object spread from the fields, Errors made plain. */
function referenceLine(level: string, msg: string, fields: LogFields): string {
  const plain = (error: Error): Record<string, unknown> => ({
    name: error.name,
    message: error.message,
    stack: error.stack,
    ...(error.cause instanceof Error ? { cause: plain(error.cause) } : {}),
  });
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = value instanceof Error ? plain(value) : value;
  return JSON.stringify({ time: AT.toISOString(), level, msg, ...out });
}

function capture(level: 'debug' | 'info' | 'warn' | 'error' = 'debug') {
  const lines: string[] = [];
  const log = createLogger({ level, write: (line) => lines.push(line), now: () => AT });
  return { lines, log };
}

describe('createLogger', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes one JSON line per event: time, level, msg, then the fields in order', () => {
    const { lines, log } = capture();
    log.info('request', { requestId: 'a-1', client: null, method: 'GET', path: '/x', status: 200, ms: 0.1 });
    log.warn('bare');
    expect(lines).toEqual([
      '{"time":"2026-03-01T12:34:56.789Z","level":"info","msg":"request","requestId":"a-1","client":null,"method":"GET","path":"/x","status":200,"ms":0.1}',
      '{"time":"2026-03-01T12:34:56.789Z","level":"warn","msg":"bare"}',
    ]);
  });

  it('drops events below its level', () => {
    const { lines, log } = capture('warn');
    log.debug('no');
    log.info('no');
    log.warn('yes');
    log.error('yes');
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(['warn', 'error']);
  });

  it('writes errors as name, message, stack and cause', () => {
    const { lines, log } = capture();
    const error = new TypeError('outer', { cause: new RangeError('inner') });
    log.error('failed', { error, path: '/p' });
    expect(lines[0]).toBe(referenceLine('error', 'failed', { error, path: '/p' }));
    expect(JSON.parse(lines[0] as string).error.cause).toMatchObject({
      name: 'RangeError',
      message: 'inner',
    });
  });

  it('lets fields named time, level or msg replace those values, as before', () => {
    const { lines, log } = capture();
    log.info('m', { msg: 'other', extra: 1, level: 'custom' });
    expect(lines[0]).toBe(referenceLine('info', 'm', { msg: 'other', extra: 1, level: 'custom' }));
  });

  it('writes exactly the text the object-spread line did, for any fields', () => {
    const key = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('time', 'level', 'msg', '__proto__x', '1', '02'),
    );
    const value = fc.oneof(
      fc.jsonValue(),
      fc.constant(undefined),
      fc.date({ noInvalidDate: true }),
      fc.string().map((m) => new Error(m)),
    );
    fc.assert(
      fc.property(fc.string(), fc.dictionary(key, value, { maxKeys: 6 }), (msg, fields) => {
        const { lines, log } = capture();
        log.info(msg, fields);
        return lines[0] === referenceLine('info', msg, fields);
      }),
      { numRuns: 2000 },
    );
  });

  it('infoJson writes the line info writes for the same fields, and only at info and below', () => {
    const plainKey = fc
      .string({ maxLength: 8 })
      .filter((k) => !['time', 'level', 'msg'].includes(k) && !/^\d/.test(k));
    fc.assert(
      fc.property(fc.string(), fc.dictionary(plainKey, fc.jsonValue(), { maxKeys: 6 }), (msg, fields) => {
        const { lines, log } = capture();
        log.info(msg, fields);
        log.infoJson?.(msg, JSON.stringify(fields).slice(1, -1));
        return lines.length === 2 && lines[0] === lines[1];
      }),
      { numRuns: 1000 },
    );
    const { lines, log } = capture('warn');
    log.infoJson?.('request', '"a":1');
    expect(lines).toEqual([]);
  });

  it('stamps each line with the current time to the millisecond', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(AT);
    const lines: string[] = [];
    const log = createLogger({ level: 'info', write: (line) => lines.push(line) });
    log.info('a');
    log.info('b');
    vi.setSystemTime(AT.getTime() + 1);
    log.info('c');
    vi.setSystemTime(AT.getTime() + 86_400_000);
    log.info('d');
    expect(lines.map((l) => JSON.parse(l).time)).toEqual([
      '2026-03-01T12:34:56.789Z',
      '2026-03-01T12:34:56.789Z',
      '2026-03-01T12:34:56.790Z',
      '2026-03-02T12:34:56.789Z',
    ]);
  });
});
