// Reading a password for `podwire user`: one line of standard input, or typed at a prompt without echo on a terminal.
import type { ReadStream } from 'node:tty';
import { ValidationError } from '../errors.ts';

/** The longest line read from a pipe: more is not a password (and must not fill memory). */
const MAX_LINE_BYTES = 8192;

/**
 * The first line of a piped stdin (without its line ending). Reading stops at the first newline or
 * the end of input; an empty input is an error.
 */
export async function readPasswordLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    const end = text.indexOf('\n');
    if (end >= 0) {
      text = text.slice(0, end);
      break;
    }
    if (text.length > MAX_LINE_BYTES)
      throw new ValidationError('the first line of standard input is too long for a password');
  }
  (input as { destroy?: () => void }).destroy?.();
  text = text.replace(/\r$/, '');
  if (text === '') throw new ValidationError('no password on standard input (give it as one line)');
  return text;
}

/**
 * Asks for a password on a terminal: the prompt goes to `output`, keystrokes are not echoed
 * (raw mode), Backspace deletes, Enter ends, Ctrl-C or Ctrl-D aborts.
 */
export function promptPassword(
  input: ReadStream,
  output: NodeJS.WritableStream,
  prompt: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    const wasRaw = input.isRaw;
    // Echo off before the prompt shows: typing that follows the prompt is never echoed, however
    // late this process runs after writing it.
    input.setRawMode(true);
    output.write(prompt);
    input.setEncoding('utf8');
    input.resume();
    const finish = (error?: Error) => {
      input.removeListener('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004') return finish(new ValidationError('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    input.on('data', onData);
  });
}

/**
 * The password for a command: from a terminal, typed twice (they must match); from a pipe, its
 * first line.
 */
export async function readNewPassword(
  stdin: NodeJS.ReadableStream & { isTTY?: boolean },
  stderr: NodeJS.WritableStream,
): Promise<string> {
  if (!stdin.isTTY) return readPasswordLine(stdin);
  const tty = stdin as ReadStream;
  const first = await promptPassword(tty, stderr, 'Password: ');
  const again = await promptPassword(tty, stderr, 'Password again: ');
  if (first !== again) throw new ValidationError('the two passwords differ; nothing was changed');
  return first;
}
