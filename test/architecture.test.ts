import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/spawn-podwire.ts';

const SRC = join(REPO_ROOT, 'src');
const RUNTIME_FOLDERS = ['node', 'worker', 'cli'];
const RUNTIME_IMPORT =
  /(?:from|import)\s*\(?\s*['"](node:[^'"]+|@libsql\/[^'"]+|@hono\/node-server[^'"]*|cloudflare:[^'"]+|drizzle-orm\/(?:libsql|d1)[^'"]*)['"]/g;

async function sourceFiles(): Promise<string[]> {
  const entries = await readdir(SRC, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|tsx|js)$/.test(e.name))
    .map((e) => relative(SRC, join(e.parentPath, e.name)));
}

const isRuntimeSpecific = (file: string) => RUNTIME_FOLDERS.some((folder) => file.startsWith(`${folder}/`));

describe('architecture', () => {
  it('keeps everything outside src/node, src/worker and src/cli runtime-neutral', async () => {
    const offenders: string[] = [];
    for (const file of (await sourceFiles()).filter((f) => !isRuntimeSpecific(f))) {
      const text = await readFile(join(SRC, file), 'utf8');
      for (const match of text.matchAll(RUNTIME_IMPORT)) offenders.push(`${file} imports ${match[1]}`);
      if (/\bprocess\.|\bBuffer\b/.test(text)) offenders.push(`${file} uses process or Buffer`);
    }
    expect(offenders).toEqual([]);
  });

  it('keeps SQL out of the routes: src/routes imports nothing from src/db or drizzle-orm', async () => {
    const offenders: string[] = [];
    for (const file of (await sourceFiles()).filter((f) => f.startsWith('routes/'))) {
      const text = await readFile(join(SRC, file), 'utf8');
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const target = match[1] as string;
        if (/^drizzle-orm/.test(target) || /(?:^|\/)db\//.test(target))
          offenders.push(`${file} imports ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('reads the environment only in entry points', async () => {
    const readers = [];
    for (const file of await sourceFiles()) {
      const text = await readFile(join(SRC, file), 'utf8');
      if (/process\.env|c\.env\b/.test(text)) readers.push(file);
    }
    const entryPoints = [
      'node/main.ts',
      'worker/index.ts',
      'cli/main.ts',
      'cli/dev-worker.ts',
      'cli/check-worker-bundle.ts',
    ];
    expect(readers.filter((file) => !entryPoints.includes(file))).toEqual([]);
  });

  it('makes Html only in domain/html.ts and the sanitiser: no casts to it anywhere else', async () => {
    const makers = [];
    for (const file of await sourceFiles()) {
      const text = await readFile(join(SRC, file), 'utf8');
      if (/\bas Html\b|\bsanitizedHtml\(/.test(text)) makers.push(file);
    }
    expect(makers.sort()).toEqual(['catalog/html-sanitizer.ts', 'domain/html.ts']);
  });

  it('opens every source file with a line saying its job', async () => {
    const silent = [];
    for (const file of await sourceFiles()) {
      const lines = (await readFile(join(SRC, file), 'utf8')).split('\n');
      const first = lines.find((line) => !line.startsWith('#!') && !line.startsWith('/** @jsxImportSource'));
      if (!first?.startsWith('// ')) silent.push(file);
    }
    expect(silent).toEqual([]);
  });
});
