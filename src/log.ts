// createLogger: structured JSON-line logs, one object per event, filtered by level; output injected.
import type { LogLevel } from './config.ts';

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Whether lines of `level` are written: lets a caller skip gathering fields nobody will read. */
  enabled?(level: Exclude<LogLevel, 'silent'>): boolean;
  /**
   * info() for a caller that has its fields as JSON already: `fieldsJson` is the text between an
   * object's braces (`"a":1,"b":"x"`), with none of the keys time, level or msg. The line is the
   * one info(message, fields) writes for the same fields; a hot path skips building an object.
   */
  infoJson?(message: string, fieldsJson: string): void;
}

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Receives one serialised line per event (stdout on Node, console.log on Workers). */
  readonly write: (line: string) => void;
  readonly now?: () => Date;
}

export function createLogger(options: LoggerOptions): Logger {
  const threshold = RANK[options.level];
  const now = options.now;
  const time = now ? () => now().toISOString() : createIsoClock();
  const emit = (level: Exclude<LogLevel, 'silent'>) => {
    const afterTime = `","level":"${level}","msg":`;
    return function log(message: string, fields: LogFields = {}) {
      if (RANK[level] < threshold) return;
      if (!isPlain(fields)) {
        options.write(JSON.stringify({ time: time(), level, msg: message, ...serialise(fields) }));
        return;
      }
      // The same text as the line above gives for these fields, without copying them first.
      const rest = JSON.stringify(fields);
      options.write(
        `{"time":"${time()}${afterTime}${JSON.stringify(message)}${rest === '{}' ? '}' : `,${rest.slice(1)}`}`,
      );
    };
  };
  const infoWritten = RANK.info >= threshold;
  // The start of infoJson's line for its last message: a hot path logs the same message each time.
  let lastMessage: string | undefined;
  let lastMessageJson = '';
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    enabled: (level) => RANK[level] >= threshold,
    infoJson(message, fieldsJson) {
      if (!infoWritten) return;
      if (message !== lastMessage) {
        lastMessage = message;
        lastMessageJson = JSON.stringify(message);
      }
      const rest = fieldsJson === '' ? '}' : `,${fieldsJson}}`;
      options.write(`{"time":"${time()}","level":"info","msg":${lastMessageJson}${rest}`);
    },
  };
}

/**
 * Fields JSON.stringify writes as the line wants them: no Error to convert, no key the line sets
 * itself, and no key that may be an array index (a spread object lists those first, before `time`).
 */
function isPlain(fields: LogFields): boolean {
  for (const key in fields) {
    const first = key.charCodeAt(0);
    if (key === 'time' || key === 'level' || key === 'msg' || (first >= 0x30 && first <= 0x39)) return false;
    if (fields[key] instanceof Error) return false;
  }
  return true;
}

/** The time as an ISO string, formatted once per millisecond however many lines share it. */
function createIsoClock(): () => string {
  let lastMs = Number.NaN;
  let lastText = '';
  return function isoNow() {
    const ms = Date.now();
    if (ms !== lastMs) {
      lastMs = ms;
      lastText = new Date(ms).toISOString();
    }
    return lastText;
  };
}

/** Errors become plain objects (name, message, cause) so they survive JSON.stringify. */
function serialise(fields: LogFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields))
    out[key] = value instanceof Error ? errorFields(value) : value;
  return out;
}

function errorFields(error: Error): Record<string, unknown> {
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    ...(error.cause instanceof Error ? { cause: errorFields(error.cause) } : {}),
  };
}

/** A logger that drops everything, for tests and tools that print their own output. */
export const SILENT_LOGGER: Logger = createLogger({ level: 'silent', write: () => {} });
