import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.ts';
import { formatUploadMetadata, parseUploadMetadata } from '../../src/http/tus-protocol.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('parseUploadMetadata', () => {
  it('decodes Base64 pairs, keys without values, and UTF-8 text', () => {
    expect(
      parseUploadMetadata(`filename ${b64('Épisode 1.mp3')},filetype ${b64('audio/mpeg')},is_draft`),
    ).toEqual({
      filename: 'Épisode 1.mp3',
      filetype: 'audio/mpeg',
      is_draft: '',
    });
    expect(parseUploadMetadata(undefined)).toEqual({});
    expect(parseUploadMetadata('  ')).toEqual({});
  });

  it('keeps a key such as __proto__ as plain data', () => {
    const parsed = parseUploadMetadata(`__proto__ ${b64('x')},filename ${b64('a.mp3')}`);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__', 'filename']);
  });

  it.each([
    ['a value that is not Base64', 'filename hello!'],
    ['a key with a space in it', `file name ${b64('x')}`],
    ['an empty key', ` ${b64('x')}`],
    ['a repeated key', `a ${b64('1')},a ${b64('2')}`],
    ['bytes that are not UTF-8', 'filename //79'],
    ['an overlong header', `filename ${b64('x'.repeat(4000))}`],
  ])('refuses %s', (_what, header) => {
    expect(() => parseUploadMetadata(header)).toThrow(ValidationError);
  });

  it('encodes back what it decoded', () => {
    const header = `filename ${b64('Épisode 1.mp3')},flag`;
    expect(formatUploadMetadata(parseUploadMetadata(header))).toBe(header);
    expect(formatUploadMetadata({})).toBeUndefined();
  });
});
