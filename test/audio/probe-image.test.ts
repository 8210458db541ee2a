import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeImage } from '../../src/audio/probe-image.ts';
import { MediaError, UnsupportedMediaError } from '../../src/errors.ts';
import { bytesReader } from '../helpers/byte-reader.ts';
import { REPO_ROOT } from '../helpers/spawn-podwire.ts';

const image = async (name: string) =>
  new Uint8Array(await readFile(join(REPO_ROOT, 'test/fixtures/images', name)));
const errorOf = (bytes: Uint8Array, name?: string) =>
  probeImage(bytesReader(bytes), { name }).then(
    (probe) => new Error(`expected an error, got ${JSON.stringify(probe)}`),
    (error: unknown) => error,
  );

describe('probeImage', () => {
  it('measures JPEG and PNG', async () => {
    expect(await probeImage(bytesReader(await image('square-1400.jpg')))).toMatchObject({
      mimeType: 'image/jpeg',
      width: 1400,
      height: 1400,
    });
    expect(await probeImage(bytesReader(await image('wide-600x400.png')))).toMatchObject({
      mimeType: 'image/png',
      width: 600,
      height: 400,
    });
  });

  it('refuses text as unsupported (415), saying what it found and what is accepted', async () => {
    const error = await errorOf(new TextEncoder().encode('hello, I am not a picture'));
    expect(error).toBeInstanceOf(UnsupportedMediaError);
    expect((error as Error).message).toBe(
      'the file is not an image: JPEG, PNG or WebP expected (it looks like text)',
    );
    const page = await errorOf(new TextEncoder().encode('<!DOCTYPE html><html></html>'), 'art/cover.jpg');
    expect((page as Error).message).toBe(
      'art/cover.jpg is not an image: JPEG, PNG or WebP expected (it starts like HTML)',
    );
  });

  it('names another image format it recognises', async () => {
    const bmp = new Uint8Array(58);
    bmp.set([
      0x42, 0x4d, 58, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 24,
    ]);
    const error = await errorOf(bmp);
    expect(error).toBeInstanceOf(UnsupportedMediaError);
    expect((error as Error).message).toBe('the file is not a JPEG, PNG or WebP image (it is BMP)');
  });

  it('keeps a cut-short JPEG a 422 media error, not an unsupported type', async () => {
    const error = await errorOf((await image('square-1400.jpg')).subarray(0, 40));
    expect(error).toBeInstanceOf(MediaError);
    expect(error).not.toBeInstanceOf(UnsupportedMediaError);
    expect((error as Error).message).toMatch(/^the file is not a readable image: /);
  });
});
