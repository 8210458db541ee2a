// describeTextStart(bytes): whether a file opens with text (HTML, XML, JSON or plain text), said in words.

/** Plain text is recognised over this many leading bytes (all of them when the file is shorter). */
export const TEXT_WINDOW = 16;

const WHITESPACE = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20]);
/** WHATWG MIME Sniffing §7.1's HTML patterns: these tags, then a space or `>` (`<!--` alone). */
const HTML_START =
  /^(?:<!--|<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p)[ >])/;

/**
 * How a file starts, when it starts like text: "it starts like HTML", "... XML", "... JSON", or
 * "it looks like text"; undefined when its first bytes are binary. After an optional UTF-8 BOM and
 * whitespace (WHATWG MIME Sniffing §7.1 skips both before its HTML and XML patterns):
 * - `<` and a tag start (a letter, `!`, `?` or `/`) is markup, whatever follows, so a page cannot
 *   pass for audio by carrying frame-sync bytes soon after it;
 * - `{` before `"` or `}`, or `[` before `{`, `[`, `"` or `]`, is JSON;
 * - otherwise the first TEXT_WINDOW bytes are plain text when they are valid UTF-8 with no control
 *   character but tab, line feed, form feed and carriage return (§7.2's binary data bytes, plus DEL
 *   and the C1 controls).
 */
export function describeTextStart(bytes: Uint8Array): string | undefined {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.byteLength && WHITESPACE.has(bytes[at] as number)) at++;
  const rest = bytes.subarray(at);
  const next = rest[1] === undefined ? '' : String.fromCharCode(rest[1]);
  if (rest[0] === 0x3c && /[A-Za-z!?/]/.test(next)) {
    const tag = String.fromCharCode(...rest.subarray(0, 16)).toLowerCase();
    if (tag.startsWith('<?xml')) return 'it starts like XML';
    return HTML_START.test(tag) ? 'it starts like HTML' : 'it starts like HTML or XML';
  }
  if (rest[0] === 0x7b || rest[0] === 0x5b) {
    let i = 1;
    while (i < rest.byteLength && WHITESPACE.has(rest[i] as number)) i++;
    const opens = rest[0] === 0x7b ? '"}' : '{["]';
    if (rest[i] !== undefined && opens.includes(String.fromCharCode(rest[i] as number))) {
      return 'it starts like JSON';
    }
  }
  return isPlainText(bytes.subarray(0, TEXT_WINDOW)) ? 'it looks like text' : undefined;
}

function isPlainText(window: Uint8Array): boolean {
  if (window.byteLength === 0) return false;
  // Bytes that are a control character or never occur in UTF-8 settle it without the decoder, whose
  // exception for invalid input cost as much as the rest of a probe's set-up (bench/probe-cli).
  for (const b of window) {
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) return false;
    if (b === 0xc0 || b === 0xc1 || b >= 0xf5) return false;
  }
  let text: string;
  try {
    // `stream: true`: a character cut by the end of the window is not an error.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(window, { stream: true });
  } catch {
    return false;
  }
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    if (control && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) return false;
  }
  return true;
}
