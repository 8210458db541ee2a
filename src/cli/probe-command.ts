// `podwire probe FILE... [--json]`: probe audio files and print what was found, as a table or JSON.
import { parseArgs } from 'node:util';
import type { AudioProbe } from '../audio/probe.ts';
import { humanSize } from '../domain/size.ts';
import { ValidationError } from '../errors.ts';
import { probeFile } from '../node/file-reader.ts';

export type ProbeRow = { file: string } & (
  | (Omit<AudioProbe, 'chapters'> & { chapters: AudioProbe['chapters'] })
  | { error: string }
);

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Probes each file (a failure does not stop the others); exit code 1 if any failed. */
export async function runProbe(args: readonly string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length === 0)
    throw new ValidationError('probe needs at least one file: podwire probe FILE... [--json]');
  const rows: ProbeRow[] = [];
  for (const file of positionals) {
    try {
      rows.push({ file, ...(await probeFile(file)) });
    } catch (error) {
      rows.push({ file, error: describeError(error) });
    }
  }
  // Failures are reported in place (a table line, or { file, error }), after the others were probed.
  output.out(values.json ? JSON.stringify(rows, null, 2) : formatTable(rows));
  return rows.some((row) => 'error' in row) ? 1 : 0;
}

function describeError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES') return 'permission denied';
  const message = error instanceof Error ? error.message : String(error);
  // probe messages start with the file's base name, which the row already shows
  return message.replace(/^[^:]+: /, '');
}

/** A plain aligned table: one line per file, the failures saying why. */
export function formatTable(rows: readonly ProbeRow[]): string {
  const header = ['FILE', 'LENGTH', 'SECONDS', 'TYPE', 'SIZE', 'BITRATE', 'CODEC', 'RATE', 'CH', 'CHAPTERS'];
  const lines = rows.map((row) =>
    'error' in row
      ? [row.file, `error: ${row.error}`]
      : [
          row.file,
          row.durationText + (row.partial ? ' (partial)' : ''),
          row.durationSeconds.toFixed(3),
          row.mimeType,
          humanSize(row.sizeBytes),
          row.bitrate ? `${Math.round(row.bitrate / 1000)} kb/s` : '-',
          row.codec,
          row.sampleRate ? `${row.sampleRate} Hz` : '-',
          String(row.channels ?? '-'),
          String(row.chapters.length),
        ],
  );
  const widths = header.map((h, i) =>
    Math.max(h.length, ...lines.filter((l) => l.length > 2).map((l) => (l[i] ?? '').length)),
  );
  const render = (cells: readonly string[]) =>
    cells.length === 2 && cells[1]?.startsWith('error: ')
      ? `${(cells[0] ?? '').padEnd(widths[0] ?? 0)}  ${cells[1]}`
      : cells
          .map((cell, i) => cell.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd();
  return [render(header), ...lines.map(render)].join('\n');
}
