import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SIMPLE_HEAD_BYTES, parseSimpleHead } from '../../src/node/request-head.ts';
import { rawExchange } from '../helpers/raw-http.ts';

const FEED = '/podcasts/show/feed.xml';

/** A head without its closing blank line, as the front hands it over. */
const headOf = (lines: readonly string[]) => Buffer.from(lines.join('\r\n'), 'latin1');

describe('parseSimpleHead', () => {
  it('reads a plain GET or HEAD: method, target as sent, and the headers the fast path reads', () => {
    const head = parseSimpleHead(
      headOf([
        `GET ${FEED}?a=1&b=%20 HTTP/1.1`,
        'Host: news.example',
        'accept-ENCODING:  gzip, br \t',
        'If-None-Match: "abc", W/"def"',
        'X-Request-Id: id-1',
        'User-Agent: AppleCoreMedia/1.0',
        'Connection: Keep-Alive',
      ]),
    );
    expect(head).toEqual({
      method: 'GET',
      url: `${FEED}?a=1&b=%20`,
      headers: {
        'accept-encoding': 'gzip, br',
        'if-none-match': '"abc", W/"def"',
        'if-modified-since': undefined,
        'x-request-id': 'id-1',
        'x-forwarded-for': undefined,
      },
    });
    expect(parseSimpleHead(headOf([`HEAD ${FEED} HTTP/1.1`, 'Host: x']))?.method).toBe('HEAD');
  });

  it.each([
    ['another method', [`POST ${FEED} HTTP/1.1`, 'Host: x']],
    ['a lower-case method', [`get ${FEED} HTTP/1.1`, 'Host: x']],
    ['HTTP/1.0', [`GET ${FEED} HTTP/1.0`, 'Host: x']],
    ['HTTP/2.0', [`GET ${FEED} HTTP/2.0`, 'Host: x']],
    ['an absolute-form target', [`GET http://x${FEED} HTTP/1.1`, 'Host: x']],
    ['an asterisk target', ['GET * HTTP/1.1', 'Host: x']],
    ['two spaces', [`GET  ${FEED} HTTP/1.1`, 'Host: x']],
    ['a control character in the target', [`GET ${FEED}\x01 HTTP/1.1`, 'Host: x']],
    ['no Host', [`GET ${FEED} HTTP/1.1`]],
    ['two Hosts', [`GET ${FEED} HTTP/1.1`, 'Host: x', 'Host: y']],
    ['a body (Content-Length)', [`GET ${FEED} HTTP/1.1`, 'Host: x', 'Content-Length: 0']],
    ['a body (chunked)', [`GET ${FEED} HTTP/1.1`, 'Host: x', 'Transfer-Encoding: chunked']],
    ['Expect', [`GET ${FEED} HTTP/1.1`, 'Host: x', 'Expect: 100-continue']],
    ['Upgrade', [`GET ${FEED} HTTP/1.1`, 'Host: x', 'Upgrade: websocket']],
    ['Connection: close', [`GET ${FEED} HTTP/1.1`, 'Host: x', 'Connection: close']],
    ['Connection: upgrade', [`GET ${FEED} HTTP/1.1`, 'Host: x', 'Connection: keep-alive, Upgrade']],
    ['TE', [`GET ${FEED} HTTP/1.1`, 'Host: x', 'TE: trailers']],
    ['Range', [`GET ${FEED} HTTP/1.1`, 'Host: x', 'Range: bytes=0-1']],
    ['If-Match', [`GET ${FEED} HTTP/1.1`, 'Host: x', 'If-Match: "a"']],
    ['If-Unmodified-Since', [`GET ${FEED} HTTP/1.1`, 'Host: x', 'If-Unmodified-Since: x']],
    [
      'a read header twice',
      [`GET ${FEED} HTTP/1.1`, 'Host: x', 'Accept-Encoding: br', 'accept-encoding: gzip'],
    ],
    ['a folded line', [`GET ${FEED} HTTP/1.1`, 'Host: x', 'Accept-Encoding: br,', ' gzip']],
    ['a space before the colon', [`GET ${FEED} HTTP/1.1`, 'Host : x']],
    ['a line without a colon', [`GET ${FEED} HTTP/1.1`, 'Host: x', 'nonsense']],
    ['a bare LF', [`GET ${FEED} HTTP/1.1`, 'Host: x\nAccept-Encoding: gzip']],
    ['a bare CR', [`GET ${FEED} HTTP/1.1`, 'Host: x\rAccept-Encoding: gzip']],
    ['obs-text in a value', [`GET ${FEED} HTTP/1.1`, 'Host: x', 'X-Name: caf\xe9']],
    ['a NUL in a value', [`GET ${FEED} HTTP/1.1`, 'Host: x', 'X-Name: a\0b']],
    ['a blank line first', ['', `GET ${FEED} HTTP/1.1`, 'Host: x']],
  ])('leaves to node:http a head with %s', (_name, lines) => {
    expect(parseSimpleHead(headOf(lines))).toBeUndefined();
  });

  it('reads a head in the middle of a buffer, as the front finds it among pipelined requests', () => {
    const bytes = Buffer.from(
      `GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: y\r\nX-Request-Id: r2\r\n\r\nGET`,
    );
    const firstEnd = bytes.indexOf('\r\n\r\n');
    const secondEnd = bytes.indexOf('\r\n\r\n', firstEnd + 4);
    const second = parseSimpleHead(bytes, firstEnd + 4, secondEnd);
    expect(second?.url).toBe('/b');
    expect(second?.headers['x-request-id']).toBe('r2');
    expect(second?.headers['accept-encoding']).toBeUndefined();
    // Nothing outside [from, to) is read: the first head alone has no X-Request-Id.
    const first = parseSimpleHead(bytes, 0, firstEnd);
    expect(first?.url).toBe('/a');
    expect(first?.headers['x-request-id']).toBeUndefined();
  });

  it('leaves to node:http heads longer than its limit, or with more than 100 header lines', () => {
    const long = headOf([`GET ${FEED} HTTP/1.1`, 'Host: x', `X-Pad: ${'a'.repeat(MAX_SIMPLE_HEAD_BYTES)}`]);
    expect(parseSimpleHead(long)).toBeUndefined();
    const many = headOf([
      `GET ${FEED} HTTP/1.1`,
      'Host: x',
      ...Array.from({ length: 100 }, (_, i) => `X-${i}: y`),
    ]);
    expect(parseSimpleHead(many)).toBeUndefined();
  });
});

describe('parseSimpleHead agrees with node:http on every head it reads', () => {
  let server: Server;
  let port: number;
  const seen: { method?: string; url?: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ method: req.method, url: req.url, headers: req.headers });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // Pieces of heads, well-formed and not, so that many generated heads are read and many refused.
  const name = fc.constantFrom(
    'host',
    'Accept-Encoding',
    'If-None-Match',
    'X-Request-Id',
    'User-Agent',
    'User-Agent',
    'Accept',
    'Accept-Encoding',
    'ACCEPT-ENCODING',
    'If-None-Match',
    'If-Modified-Since',
    'X-Request-Id',
    'X-Forwarded-For',
    'Connection',
    'User-Agent',
    "X-Odd!#$%&'*+.^_`|~",
    'Bad Name',
    '',
  );
  const value = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('gzip', 'br', '"a"', 'Mozilla/5.0 (X11)', '*/*', 'id-1') },
    fc.constantFrom(
      'gzip',
      ' br , gzip ',
      '"a", W/"b"',
      'keep-alive',
      'close',
      '',
      '\t x \t',
      'caf\xe9',
      'a\x7fb',
    ),
    fc.string({ unit: fc.constantFrom('a', ' ', '\t', '"', ',', ';', '=', ':', '/', '\x01', '~') }),
  );
  const target = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(FEED, `${FEED}?a=1`, '/') },
    fc.constantFrom(FEED, `${FEED}?a=1`, '/', '/%7e?x=%22', '/a/../b', '/"<>\\^`{|}', '*', 'http://x/y'),
    fc.string({ unit: fc.constantFrom('/', 'a', '?', '=', '&', '%', '#', '"', '\\', ' ', '\x7f') }),
  );
  const head = fc.record({
    method: fc.constantFrom('GET', 'HEAD', 'GET', 'POST', 'get'),
    target,
    version: fc.constantFrom('HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0'),
    lines: fc.array(fc.tuple(name, fc.constantFrom(': ', ': ', ': ', ':', ':  ', ' :'), value), {
      maxLength: 4,
    }),
  });

  it('same method, target and header values (1,000 heads)', async () => {
    const samples = fc.sample(head, { numRuns: 1000, seed: 14 });
    let read = 0;
    for (const sample of samples) {
      const lines = [`${sample.method} ${sample.target} ${sample.version}`, 'Host: news.example'];
      for (const [n, sep, v] of sample.lines) lines.push(`${n}${sep}${v}`);
      const text = lines.join('\r\n');
      const parsed = parseSimpleHead(headOf(lines));
      if (parsed === undefined) continue;
      read++;
      seen.length = 0;
      const answers = await rawExchange(port, Buffer.from(`${text}\r\n\r\n`, 'latin1'), 1);
      expect(answers[0]?.status, text).toBe(200);
      const node = seen[0];
      expect(node?.method, text).toBe(parsed.method);
      expect(node?.url, text).toBe(parsed.url);
      for (const [key, mine] of Object.entries(parsed.headers)) expect(node?.headers[key], text).toBe(mine);
    }
    // The generator is only useful if both outcomes are common.
    expect(read).toBeGreaterThan(100);
    expect(read).toBeLessThan(900);
  });
});
