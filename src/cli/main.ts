// The podwire CLI: `podwire <command>`; each command is a small module, this file only dispatches.
import { parseConfig } from '../config.ts';
import { PodwireError } from '../errors.ts';
import { runMigrate, runSeed } from './db-commands.ts';
import { OFFLINE_WRANGLER_ENV } from './offline-wrangler.ts';
import { runProbe } from './probe-command.ts';
import { readNewPassword } from './read-password.ts';
import { runReindex } from './reindex-command.ts';
import { runScan } from './scan-command.ts';
import { runServe } from './serve-command.ts';
import { runStats } from './stats-command.ts';
import { runUser } from './user-command.ts';

const USAGE = `Usage: podwire <command> [options]

Commands:
  serve            start the web server (the same as npm start)
  migrate          apply database migrations (start-up does this too)
  seed             add the demo content to the database (never overwrites; safe to repeat)
  reindex          rebuild the site search index (articles, episodes, transcripts; --worker: local D1)
  probe FILE...    print each audio file's exact length, type, codec and chapters (--json for JSON)
  scan [DIR]       register new and changed audio and artwork under MEDIA_DIR (or DIR inside it)
  import URL       import a show from another host (--show SLUG, --dry-run, --owner-email, --i-own-this-feed)
  user ...         manage studio users: add, passwd, role, remove, list (podwire user help)
  stats            listening reports: downloads by day, app, page, episode (podwire stats help)
  help             show this text

Settings come from the environment (PORT, BASE_URL, DATABASE_URL, MEDIA_DIR, ...); see README.md.`;

/** Runs one command; returns the process exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const out = (text: string) => process.stdout.write(`${text}\n`);
  const err = (text: string) => process.stderr.write(`${text}\n`);
  try {
    switch (command) {
      case 'serve':
        return await runServe(rest);
      case 'migrate':
        return await runMigrate(parseConfig(process.env), rest, out);
      case 'seed':
        return await runSeed(parseConfig(process.env), rest, out);
      case 'reindex':
        if (rest.includes('--worker')) Object.assign(process.env, OFFLINE_WRANGLER_ENV);
        return await runReindex(
          rest,
          { out },
          {
            config: () => parseConfig(process.env),
            wranglerEnv: { ...process.env },
          },
        );
      case 'probe':
        return await runProbe(rest, { out, err });
      case 'scan':
        return await runScan(parseConfig(process.env), rest, {
          out,
          err,
          isTTY: process.stderr.isTTY === true,
          progress: (text) => process.stderr.write(`\r\x1b[2K${text}`),
        });
      case 'import': {
        // Loaded only here: the importer pulls in the editor, search and sanitiser, which every
        // other command starts faster without.
        const { runImport } = await import('./import-command.ts');
        const { importFetch } = await import('./import-fetch.ts');
        const config = parseConfig(process.env);
        return await runImport(
          config,
          rest,
          {
            out,
            err,
            isTTY: process.stderr.isTTY === true,
            progress: (text) => process.stderr.write(`\r\x1b[2K${text}`),
          },
          { fetch: importFetch(config) },
        );
      }
      case 'user':
        // getPlatformProxy (--worker) reads wrangler's settings from the environment itself.
        if (rest.includes('--worker')) Object.assign(process.env, OFFLINE_WRANGLER_ENV);
        return await runUser(
          rest,
          { out, readPassword: () => readNewPassword(process.stdin, process.stderr) },
          { config: () => parseConfig(process.env), wranglerEnv: { ...process.env } },
        );
      case 'stats':
        if (rest.includes('--worker')) Object.assign(process.env, OFFLINE_WRANGLER_ENV);
        return await runStats(
          rest,
          { out },
          { config: () => parseConfig(process.env), wranglerEnv: { ...process.env } },
        );
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        process.stderr.write(`podwire: unknown command "${command}"\n\n${USAGE}\n`);
        return 2;
    }
  } catch (error) {
    if (error instanceof PodwireError) {
      const problems = (error.context.problems as readonly string[] | undefined) ?? [error.message];
      for (const problem of problems) process.stderr.write(`podwire: ${problem}\n`);
      return 1;
    }
    throw error;
  }
}

const code = await runCli(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
