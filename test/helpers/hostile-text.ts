// Generated text built to break feeds and pages: markup and script openers, CDATA ends, controls,
// lone surrogates, noncharacters, bidi overrides, emoji and combining marks.
import fc from 'fast-check';

/** Fragments that have broken a feed or page renderer somewhere, mixed into generated text. */
export const HOSTILE_PIECES: readonly string[] = [
  '&',
  '<',
  '>',
  '"',
  "'",
  '`',
  ']]>',
  '<![CDATA[',
  '&amp;',
  '&lt;b&gt;',
  '&not',
  '&#0;',
  '&#x80;',
  '<img src=x onerror=alert(2)>',
  '<script>alert(1)</script>',
  '</script>',
  '<!--',
  '-->',
  '<!--<script>',
  '</textarea>',
  '</title>',
  '</style>',
  '<p>',
  '<b>',
  '<svg onload=alert(3)>',
  '<a href="javascript:alert(4)">x</a>',
  '" onmouseover="alert(5)',
  "' autofocus onfocus='alert(6)",
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0080',
  '\u0085',
  '\u009f',
  '\ud800',
  '\udfff',
  '\ufffe',
  '\uffff',
  '\ufdd0',
  '\u{10ffff}',
  '\ufeff',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u200f',
  '\u2028',
  '\u2029',
  '😀',
  '👩‍👩‍👧',
  'e\u0301',
  '\u0301\u0308',
  'שלום',
  'ü',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\n\n',
  ' ',
  '--',
  '?>',
  '\\',
];

const piece = fc.constantFrom(...HOSTILE_PIECES);
const join = (parts: readonly string[]) => parts.join('');

/** Any text: every code point (lone surrogates too), every UTF-16 unit, and the pieces above mixed with words. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 24 }),
  fc.array(piece, { maxLength: 10 }).map(join),
  fc.array(fc.oneof(piece, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 8 }).map(join),
);

/** Text for the fields the schema requires: SQLite's length() stops at a NUL, so none comes first. */
export const hostileNonEmpty: fc.Arbitrary<string> = hostileText.map((text) =>
  text && !text.startsWith('\u0000') ? text : `<b>&${text}`,
);

const markup = fc.constantFrom(
  '<p>',
  '</p>',
  '<a href="https://news.example/?a=1&amp;b=2">',
  '<a href="/relative">',
  '</a>',
  '<img src="https://news.example/i.png" onerror="alert(1)" alt="x">',
  '<script>alert(1)</script>',
  '<style>p{}</style>',
  '<iframe src="https://evil.example/"></iframe>',
  '<a href="javascript:alert(1)">',
  '<math><mi>',
  '<svg><desc>',
  '<!--',
  '<ul><li>',
  '<table><tr><td>',
  '<b onclick="alert(1)">',
);

/** What an editor might type as a body or show notes: real tags, hostile tags, hostile text. */
export const hostileHtml: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.array(fc.oneof(markup, hostileText), { maxLength: 10 }).map(join),
);
