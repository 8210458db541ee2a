// `podwire import URL`: import a show from another host (or show what would change with --dry-run).
import { parseArgs } from 'node:util';
import { forgetStoredDocuments } from '../catalog/documents/store-documents.ts';
import { createHtmlSanitizer } from '../catalog/html-sanitizer.ts';
import { importJobView, startImportJob } from '../catalog/import/import-jobs.ts';
import { planImport } from '../catalog/import/import-plan.ts';
import type { ImportDeps, SafeFetch } from '../catalog/import/import-ports.ts';
import { runImportJob } from '../catalog/import/run-import.ts';
import type { Config } from '../config.ts';
import { createSqlDocumentBodies } from '../db/queries/rendered-documents.ts';
import { ValidationError } from '../errors.ts';
import { SILENT_LOGGER } from '../log.ts';
import { nodeInstance } from '../node/instance.ts';
import { recoverMediaStore } from '../node/media-recovery.ts';
import { openNodeRuntime } from '../node/server.ts';
import { planText, summaryText } from './import-text.ts';
import { progressBar, type ScanTerminal } from './scan-command.ts';

export const IMPORT_USAGE = `Usage: podwire import URL [--show SLUG] [--dry-run] [--owner-email EMAIL] [--i-own-this-feed]

Imports the podcast feed at URL: the show, every episode (GUIDs kept exactly), artwork, transcripts
and chapters; audio is re-hosted and probed. Run it again to pick up changes or finish an
interrupted import. A podcast:locked feed needs --owner-email (its itunes:owner email) or
--i-own-this-feed.`;

export interface ImportEnvironment {
  /** The SSRF-safe fetch every request of the import goes through. */
  readonly fetch: SafeFetch;
  readonly now?: () => Date;
}

export async function runImport(
  config: Config,
  args: readonly string[],
  terminal: ScanTerminal,
  env: ImportEnvironment,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      show: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'owner-email': { type: 'string' },
      'i-own-this-feed': { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new ValidationError(`give one feed URL\n\n${IMPORT_USAGE}`);
  if (values.show !== undefined && !/^[a-z0-9][a-z0-9-]{0,199}$/.test(values.show)) {
    throw new ValidationError(`--show ${values.show}: a slug is lower-case letters, digits and hyphens`);
  }
  const request = {
    url: positionals[0] as string,
    showSlug: values.show,
    ownerEmail: values['owner-email'],
    iOwnThisFeed: values['i-own-this-feed'],
  };
  const runtime = await openNodeRuntime(config, SILENT_LOGGER);
  try {
    const now = env.now ?? (() => new Date());
    const self = nodeInstance();
    // What an interrupted import left in the store (files never recorded) goes first.
    await recoverMediaStore(runtime, config.mediaDir, SILENT_LOGGER, { self, startingUp: false, now });
    const deps: ImportDeps = {
      db: runtime.db.db,
      media: runtime.media,
      baseUrl: config.baseUrl,
      now,
      fetch: env.fetch,
      sanitize: createHtmlSanitizer({ baseUrl: config.baseUrl }),
      maxFeedBytes: config.importMaxFeedBytes,
      maxUploadBytes: config.maxUploadBytes,
      instance: self,
    };
    if (values['dry-run']) {
      for (const line of planText(await planImport(deps, request))) terminal.out(line);
      return 0;
    }
    const { job, resumed } = await startImportJob(deps.db, request, now(), { takeOver: true });
    if (resumed) terminal.out(`resuming import ${job.id} of ${job.url} (interrupted before)`);
    const finished = await runImportJob(deps, job.id, {
      onProgress: terminal.isTTY
        ? (j) =>
            terminal.progress(progressBar(j.created + j.updated + j.unchanged + j.failed, j.total, j.url))
        : undefined,
    });
    if (terminal.isTTY) terminal.progress('');
    const view = await importJobView(deps.db, config.baseUrl, finished);
    if (finished.status !== 'done') {
      terminal.err(
        `podwire: import ${finished.status}: ${finished.error ?? 'another run holds it; try again later'}`,
      );
      return 1;
    }
    if (finished.created + finished.updated > 0 || finished.showStatus !== 'unchanged') {
      // Feeds stored before the import are rendered again when next read.
      await forgetStoredDocuments(deps.db, createSqlDocumentBodies(deps.db));
    }
    const text = summaryText(view);
    for (const line of text.err) terminal.err(line);
    for (const line of text.out) terminal.out(line);
    return 0;
  } finally {
    runtime.db.close();
  }
}
