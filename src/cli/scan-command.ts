// `podwire scan [DIR]`: register new and changed media files under MEDIA_DIR (or a folder inside it).
import { realpath } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { forgetStoredDocuments } from '../catalog/documents/store-documents.ts';
import { scanMediaStore } from '../catalog/scan-media.ts';
import type { Config } from '../config.ts';
import { createSqlDocumentBodies } from '../db/queries/rendered-documents.ts';
import { formatDuration } from '../domain/duration.ts';
import { ValidationError } from '../errors.ts';
import { SILENT_LOGGER } from '../log.ts';
import { nodeInstance } from '../node/instance.ts';
import { recoverMediaStore } from '../node/media-recovery.ts';
import { openNodeRuntime } from '../node/server.ts';
import type { Output } from './probe-command.ts';

export interface ScanTerminal extends Output {
  /** True when stderr is a terminal: draw a progress bar there. */
  readonly isTTY: boolean;
  progress(text: string): void;
}

export async function runScan(
  config: Config,
  args: readonly string[],
  terminal: ScanTerminal,
): Promise<number> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true });
  if (positionals.length > 1) throw new ValidationError('scan takes at most one folder: podwire scan [DIR]');
  const root = await realpath(config.mediaDir).catch(() => {
    throw new ValidationError(`MEDIA_DIR ${config.mediaDir} does not exist`);
  });
  const dir = await realpath(resolve(positionals[0] ?? config.mediaDir)).catch(() => {
    throw new ValidationError(`folder ${positionals[0]} does not exist`);
  });
  if (dir !== root && !dir.startsWith(root + sep)) {
    throw new ValidationError(`${positionals[0]} is outside MEDIA_DIR (${root}); scan a folder inside it`);
  }
  const rel = relative(root, dir).split(sep).join('/');
  const prefix = rel === '' ? '' : `${rel}/`;

  const runtime = await openNodeRuntime(config, SILENT_LOGGER);
  try {
    // As at server start-up: what dead uploads left goes first (never an upload still under way).
    const recovered = await recoverMediaStore(runtime, config.mediaDir, SILENT_LOGGER, {
      self: nodeInstance(),
      startingUp: false,
    });
    for (const path of [...recovered.tempFiles, ...recovered.abandoned]) {
      terminal.out(`removed ${path} (left by an interrupted upload)`);
    }
    const report = await scanMediaStore(runtime.db.db, runtime.media, {
      prefix,
      now: new Date(),
      onProgress: terminal.isTTY
        ? (done, total, key) => terminal.progress(progressBar(done, total, key))
        : undefined,
    });
    if (terminal.isTTY) terminal.progress('');
    if (report.entries.some((e) => e.status === 'new' || e.status === 'updated')) {
      // Re-probed files change feeds (lengths, sizes): stored renderings are made again when read.
      await forgetStoredDocuments(runtime.db.db, createSqlDocumentBodies(runtime.db.db));
    }
    for (const entry of report.entries) {
      if (entry.status === 'failed') {
        const why = entry.error?.startsWith(`${entry.key}: `)
          ? entry.error.slice(entry.key.length + 2)
          : entry.error;
        terminal.err(`podwire: ${entry.key}: ${why}`);
      } else if (entry.status !== 'unchanged') {
        const length = entry.durationSeconds == null ? '' : ` ${formatDuration(entry.durationSeconds)}`;
        terminal.out(`${entry.status.padEnd(7)} ${entry.key}${length}`);
      }
    }
    const count = (status: string) => report.entries.filter((e) => e.status === status).length;
    const backfilled = count('backfilled');
    terminal.out(
      `scanned ${report.entries.length} media files under ${dir}: ${count('new')} new, ${count('updated')} updated, ` +
        `${count('unchanged')} unchanged, ${count('failed')} failed` +
        (backfilled
          ? `; ${backfilled} probed again to record facts they lacked (first-minute bytes, inline chapters)`
          : '') +
        (report.skipped ? `; ${report.skipped} other files skipped` : ''),
    );
    for (const key of report.missing) terminal.err(`podwire: ${key}: recorded, but the file is gone`);
    for (const key of report.releasing) {
      terminal.out(`leaving ${key} (replaced or deleted; removed once its grace period ends)`);
    }
    for (const key of report.notAdopted) {
      terminal.err(
        `podwire: ${key}: not adopted: an upload made it and never recorded it (delete it, or rename it to adopt it)`,
      );
    }
    return count('failed') > 0 ? 1 : 0;
  } finally {
    runtime.db.close();
  }
}

/** `[######------] 12/40 demo/episode.mp3`, fitted to a line. */
export function progressBar(done: number, total: number, key: string, width = 24): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} `;
  return `${bar}${key.length > 50 ? `…${key.slice(-49)}` : key}`;
}
